import { accessTable, expectedStatus, sendCell } from "@ketnoi/functions/test/hardening/access-table";
import { apiRoutes, fillPath, send } from "@ketnoi/functions/test/hardening/probe";
import { actors, buildWorld } from "@ketnoi/functions/test/hardening/world";
import { call, useRemoteApi, userWithToken } from "@ketnoi/functions/test/helpers";
import { apply, listingOf, memberOf, studentWithProfile } from "@ketnoi/functions/test/marketplace";
import type { ProbeModule } from "./contract";
import { probePlatform } from "./platform";

/**
 * The authorization matrix over HTTP against a fresh platform: every route × every role as
 * functions/test/hardening/access-table.ts says (the table the test suite checks against the policy), then the
 * lifecycle states: an organisation pending, verified, rejected and suspended (what the public, a student and a
 * member get), and an erased account's token on every private route.
 */
export const probe: ProbeModule = {
  name: "authorization",
  async run({ short, log }) {
    const platform = await probePlatform(log);
    useRemoteApi(platform.apiUrl);
    const breaches: string[] = [];
    let checks = 0;
    const expect = (what: string, got: number, want: number, body = "") => {
      checks++;
      if (got !== want) breaches.push(`${what}: expected ${want}, got ${got} ${body.slice(0, 160)}`);
    };
    try {
      const routes = await apiRoutes();
      const secured = new Map(routes.map((r) => [r.key, r.secured]));
      const world = await buildWorld();
      // The short run takes every third row; the full run all of them.
      const rows = accessTable.filter((_, i) => !short || i % 3 === 0);
      for (const row of rows) {
        for (const actor of actors) {
          const res = await sendCell(world, actor, row);
          const label = `${row.route}${row.variant ? ` (${row.variant})` : ""} as ${actor}`;
          expect(label, res.status, expectedStatus(row, actor, !!secured.get(row.route)), res.text);
        }
      }
      log(`matrix: ${rows.length} rows × ${actors.length} roles`);

      // Lifecycle: one enterprise per state, each with a listing, as the public, a student and a member see it.
      const province = await userWithToken("probe-province", "province");
      const admin = await userWithToken("probe-admin", "admin");
      const student = await studentWithProfile("probe-student");
      for (const state of ["pending", "verified", "rejected", "suspended"] as const) {
        const owner = await userWithToken(`probe-owner-${state}`, "recruiter");
        const created = await call("POST", "/api/organisations", {
          token: owner,
          body: {
            kind: "enterprise",
            name: { vi: `Công ty ${state}` },
            sectors: [],
            communeId: "p-tran-bien",
            address: "1",
          },
        });
        const orgId = created.json.id as string;
        const member = await memberOf(`probe-owner-${state}`, orgId);
        if (state !== "pending") {
          await call("POST", `/api/organisations/${orgId}/verification`, {
            token: admin,
            body: { decision: "verified" },
          });
        }
        const listingId = await listingOf(member, orgId, state === "pending" ? { status: "draft" } : {});
        if (state === "rejected" || state === "suspended") {
          const decided = await call("POST", `/api/organisations/${orgId}/verification`, {
            token: province,
            body: { decision: state, reason: "Kiểm tra của thăm dò" },
          });
          expect(`${state}: decision`, decided.status, 200, decided.text);
        }
        const publicStatus = { pending: 404, verified: 200, rejected: 410, suspended: 410 }[state];
        const anonymous = await call("GET", `/api/listings/${listingId}`);
        expect(`${state}: anonymous listing detail`, anonymous.status, publicStatus, anonymous.text);
        const asMember = await call("GET", `/api/listings/${listingId}`, { token: member });
        expect(`${state}: member listing detail`, asMember.status, 200, asMember.text);
        const applied = await apply(student, listingId);
        expect(`${state}: student applies`, applied.status, state === "verified" ? 201 : publicStatus, applied.text);
        const org = await call("GET", `/api/organisations/${orgId}`);
        expect(`${state}: anonymous organisation`, org.status, state === "verified" ? 200 : 404, org.text);
        const feed = await call("GET", "/api/listings?limit=100");
        const listed = (feed.json.items as { id: string }[]).some((l) => l.id === listingId);
        expect(`${state}: in the public feed`, listed ? 1 : 0, state === "verified" ? 1 : 0);
      }

      // Erased: every private route refuses the token with 401 account_erased.
      const erased = await studentWithProfile("probe-erased");
      const erasure = await call("DELETE", "/api/students/me", { token: erased, body: { confirm: "XOA TAI KHOAN" } });
      expect("erasure", erasure.status, 200, erasure.text);
      for (const route of routes.filter((r) => r.secured).filter((_, i) => !short || i % 2 === 0)) {
        const path = fillPath(route.path, { id: world.publishedListing, userId: "probe-erased", sessionId: "s1" });
        const res = await send(route.method, path, {
          token: erased,
          ...(route.body ? { body: "{}", headers: { "content-type": "application/json" } } : {}),
        });
        checks++;
        if (res.status !== 401 || res.json?.error?.code !== "account_erased") {
          breaches.push(`erased token on ${route.key}: ${res.status} ${res.text.slice(0, 120)}`);
        }
      }
      return { probe: "authorization", checks, breaches, figures: { rows: rows.length, roles: actors.length } };
    } finally {
      useRemoteApi(undefined);
      await platform.stop();
    }
  },
};
