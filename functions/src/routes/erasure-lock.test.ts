import { beforeAll, describe, expect, it } from "vitest";
import { apiRoutes, fillPath, send } from "../../test/hardening/probe";
import { call, userWithToken } from "../../test/helpers";
import { listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { db } from "../db/service";

// Found from outside: after DELETE /api/students/me the same token still created saved searches (201) and read
// /api/me, notifications, applications, bookings, rounds and invitations (200). Now the auth middleware asks, on
// every request, whether the account is erased or disabled, and refuses the token with 401 `account_erased`.

let listingId: string;
beforeAll(async () => {
  await verifiedOrganisation("el-org");
  listingId = await listingOf(await memberOf("el-rec", "el-org"), "el-org");
});

const erase = (token: string) => call("DELETE", "/api/students/me", { token, body: { confirm: "XOA TAI KHOAN" } });

describe("erasure locks the account", () => {
  it("refuses the erased student's token with 401 account_erased on the routes the attacker used", async () => {
    const token = await studentWithProfile("el-student");
    expect((await call("GET", "/api/me", { token })).status).toBe(200);
    expect((await erase(token)).status).toBe(200);
    const tries: [string, string, unknown?][] = [
      ["GET", "/api/me"],
      ["POST", "/api/saved-searches", { name: "Sau khi xóa", criteria: { q: "nhúng" } }],
      ["GET", "/api/notifications"],
      ["GET", "/api/applications/mine"],
      ["GET", "/api/bookings/mine"],
      ["GET", "/api/placement-rounds"],
      ["GET", "/api/invitations/mine"],
      ["POST", `/api/listings/${listingId}/applications`, {}],
      ["PUT", "/api/students/me", { fullName: "x" }],
    ];
    for (const [method, path, body] of tries) {
      const res = await call(method, path, { token, ...(body === undefined ? {} : { body }) });
      expect([res.status, res.json?.error?.code], `${method} ${path}`).toEqual([401, "account_erased"]);
    }
    // Nothing was written after the erasure.
    const { data } = await db().entities.savedSearch.query.byUser({ userId: "el-student" }).go();
    expect(data).toEqual([]);
  });

  it("refuses it on every documented route, and also a disabled user's token", async () => {
    const erased = await studentWithProfile("el-everywhere");
    expect((await erase(erased)).status).toBe(200);
    // Disabled before its first request (an open account is re-read every 10 s per process, see account-lock.ts).
    const disabled = await userWithToken("el-disabled", "student");
    await db().entities.user.patch({ userId: "el-disabled" }).set({ disabledAt: new Date().toISOString() }).go();
    const routes = await apiRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const answers: string[] = [];
    for (const route of routes.filter((r) => r.secured)) {
      const path = fillPath(route.path, { id: listingId, userId: "el-rec", sessionId: "s1" });
      for (const token of [erased, disabled]) {
        const res = await send(route.method, path, {
          token,
          ...(route.body ? { body: "{}", headers: { "content-type": "application/json" } } : {}),
        });
        if (res.status !== 401 || res.json?.error?.code !== "account_erased") {
          answers.push(`${route.key} → ${res.status} ${res.json?.error?.code}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });
});
