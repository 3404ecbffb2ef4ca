import type { Role } from "@ketnoi/core";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { db } from "../db/service";
import { signDevToken } from "./dev-idp";
import { mfaClaim } from "./mfa";
import { addMfaClaim, type PreTokenGenerationEvent } from "./mfa-claim-lambda";

/** A user of `role` and a Cognito-shaped ID token for them, with or without the second-factor claim. */
async function tokenFor(userId: string, role: Role, mfa: boolean) {
  const user = { userId, email: `${userId}@example.vn`, displayName: userId, role, demo: true };
  await db()
    .entities.user.put({ ...user, createdAt: new Date().toISOString() })
    .go();
  return signDevToken(user, { mfa });
}

// Routes that show other people's personal data to each role.
const personalDataRoutes: [Role, string][] = [
  ["admin", "/api/audit"],
  ["province", "/api/dashboard"],
  ["staff", "/api/placement-rounds"],
  ["recruiter", "/api/listings/l-1/applications"],
];

describe("second factor for the roles that read students' data, over HTTP", () => {
  it.each(personalDataRoutes)(
    "refuses a %s token without the MFA claim on %s (403 mfa_required)",
    async (role, path) => {
      const token = await tokenFor(`no-mfa-${role}`, role, false);
      expect(decodeJwt(token)["cognito:groups"]).toEqual([role]);
      const res = await call("GET", path, { token });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("mfa_required");
    },
  );

  it.each(personalDataRoutes)("lets a %s token with the MFA claim past the check on %s", async (role, path) => {
    const token = await tokenFor(`mfa-${role}`, role, true);
    const res = await call("GET", path, { token });
    // The route's own answer (200, or its policy's 403 forbidden / 404 for a stranger): never the MFA refusal.
    expect([200, 403, 404]).toContain(res.status);
    expect(res.json?.error?.code).not.toBe("mfa_required");
  });

  it("still answers /api/me and the public catalogue without a second factor, so the web app can guide enrolment", async () => {
    const token = await tokenFor("no-mfa-me", "staff", false);
    const me = await call("GET", "/api/me", { token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ role: "staff" });
    expect((await call("GET", "/api/listings", { token })).status).toBe(200);
    expect((await call("GET", "/api/search?q=a", { token })).status).not.toBe(403);
  });

  it("leaves MFA optional for students", async () => {
    const token = await tokenFor("no-mfa-student", "student", false);
    expect(decodeJwt(token)[mfaClaim]).toBeUndefined();
    expect((await call("GET", "/api/applications/mine", { token })).status).toBe(200);
  });
});

describe("pre-token-generation trigger (Cognito V1_0 event)", () => {
  const event = (groups: string[]): PreTokenGenerationEvent => ({
    userPoolId: "ap-southeast-1_abc",
    userName: "4a1b-sub",
    request: { groupConfiguration: { groupsToOverride: groups } },
    response: { claimsOverrideDetails: null },
  });

  it("adds the claim for a group member with an authenticator app enrolled", async () => {
    const looked: string[] = [];
    const out = await addMfaClaim(event(["staff"]), async (pool, user) => {
      looked.push(`${pool}/${user}`);
      return ["SOFTWARE_TOKEN_MFA"];
    });
    expect(looked).toEqual(["ap-southeast-1_abc/4a1b-sub"]);
    expect(out.response.claimsOverrideDetails?.claimsToAddOrOverride).toEqual({ [mfaClaim]: "totp" });
  });

  it("adds nothing for a group member without one", async () => {
    const out = await addMfaClaim(event(["admin"]), async () => []);
    expect(out.response.claimsOverrideDetails).toBeNull();
  });

  it("does not look students up", async () => {
    let calls = 0;
    await addMfaClaim(event([]), async () => {
      calls++;
      return ["SOFTWARE_TOKEN_MFA"];
    });
    expect(calls).toBe(0);
  });

  it("fails the sign-in when Cognito cannot be asked (no token without the check)", async () => {
    await expect(
      addMfaClaim(event(["admin"]), async () => {
        throw new Error("throttled");
      }),
    ).rejects.toThrow("throttled");
  });
});
