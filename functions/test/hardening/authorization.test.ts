import { authorize, type Principal } from "@ketnoi/core";
import { generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { config } from "../../src/config";
import { freshIp } from "../marketplace";
import { type AccessRow, accessTable, expectedStatus, sendCell } from "./access-table";
import { apiRoutes, fillPath, send } from "./probe";
import { type Actor, actors, buildWorld, orgA, orgB, userIds, type World } from "./world";

// Every route × every role, as the table in access-table.ts (derived from the policy) says.
const routes = await apiRoutes();
const secured = new Map(routes.map((r) => [r.key, r.secured]));

const principals: Record<Exclude<Actor, "anonymous">, Principal> = {
  student: { userId: userIds.student, role: "student", memberships: [] },
  otherStudent: { userId: userIds.otherStudent, role: "student", memberships: [] },
  staffA: { userId: userIds.staffA, role: "recruiter", memberships: [{ orgId: orgA, role: "staff" }] },
  ownerA: { userId: userIds.ownerA, role: "recruiter", memberships: [{ orgId: orgA, role: "owner" }] },
  memberB: { userId: userIds.memberB, role: "staff", memberships: [{ orgId: orgB, role: "owner" }] },
  province: { userId: userIds.province, role: "province", memberships: [] },
  admin: { userId: userIds.admin, role: "admin", memberships: [] },
};

const label = (row: AccessRow) => `${row.route}${row.variant ? ` (${row.variant})` : ""}`;

const expected = (row: AccessRow, actor: Actor) => expectedStatus(row, actor, !!secured.get(row.route));

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe("the authorization table", () => {
  it("classifies every route of the OpenAPI document, and only those", () => {
    const classified = new Set(accessTable.map((row) => row.route));
    const unclassified = routes.map((r) => r.key).filter((key) => !classified.has(key));
    expect(unclassified, "add these routes to functions/test/hardening/access-table.ts").toEqual([]);
    expect(
      [...classified].filter((key) => !secured.has(key)),
      "rows for routes that no longer exist",
    ).toEqual([]);
  });

  it("does not call a route public that the document marks private", () => {
    const publicRows = accessTable.filter((row) => row.may === "everyone").map((row) => row.route);
    expect(publicRows.filter((route) => secured.get(route))).toEqual([]);
  });

  it("says exactly what the policy says about each role", () => {
    const disagreements: string[] = [];
    for (const row of accessTable) {
      if (!Array.isArray(row.actions) || row.may === "everyone" || row.may === "signedIn") continue;
      for (const [actor, principal] of Object.entries(principals) as [Exclude<Actor, "anonymous">, Principal][]) {
        const resource = row.resource?.(world) ?? {};
        const concrete = resource.ownerUserId === "self" ? { ...resource, ownerUserId: principal.userId } : resource;
        const allowed = row.actions.some((action) => authorize(principal, action, concrete).allowed);
        const table = row.may.includes(actor) || row.exceptions?.[actor]?.allowedByPolicy === true;
        if (allowed !== table) disagreements.push(`${label(row)}: ${actor} policy=${allowed} table=${table}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe("every route answers every role as the table says", () => {
  for (const row of accessTable) {
    it(label(row), async () => {
      const mismatches: string[] = [];
      for (const actor of actors) {
        const res = await sendCell(world, actor, row);
        const want = expected(row, actor);
        if (res.status !== want)
          mismatches.push(`${actor}: expected ${want}, got ${res.status} ${res.text.slice(0, 160)}`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe("a token that does not verify", () => {
  it("is 401 on every route, public or private, whatever it claims", async () => {
    // Well-formed and claiming to be the admin, but signed with a key the API never published.
    const { privateKey } = await generateKeyPair("ES256");
    const { AUTH_ISSUER, AUTH_AUDIENCE } = config();
    const forged = await new SignJWT({ "cognito:groups": ["admin"] })
      .setProtectedHeader({ alg: "ES256", kid: "dev-forged" })
      .setSubject(userIds.admin)
      .setIssuer(AUTH_ISSUER)
      .setAudience(AUTH_AUDIENCE)
      .setExpirationTime("1h")
      .sign(privateKey);
    const answers: string[] = [];
    for (const route of routes) {
      const path = fillPath(route.path, { id: world.publishedListing, userId: userIds.staffA, sessionId: "s1" });
      const res = await send(route.method, path, {
        token: forged,
        ...(route.body ? { body: "{}" } : {}),
        headers: { "x-forwarded-for": freshIp(), ...(route.body ? { "content-type": "application/json" } : {}) },
      });
      if (res.status !== 401 || res.json?.error?.code !== "unauthenticated")
        answers.push(`${route.key} → ${res.status}`);
    }
    expect(answers).toEqual([]);
  });
});
