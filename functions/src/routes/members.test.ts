import type { OrganisationCreate } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { changeMemberRole, removeMember } from "../data/members";
import { createOrganisation } from "../data/organisations";
import { db } from "../db/service";

const enterprise: OrganisationCreate = {
  kind: "enterprise",
  name: { vi: "Công ty TNHH Cảm biến Nhơn Trạch", en: "Nhon Trach Sensors Ltd." },
  sectors: ["semiconductors"],
  communeId: "x-long-thanh",
  address: "Lô A1, KCN Nhơn Trạch",
};
const university: OrganisationCreate = { ...enterprise, kind: "university", name: { vi: "Trường Đại học Thử" } };

let owner: string;
let admin: string;
let student: string;
let outsider: string;

/** Creates an organisation owned by a new user of the fitting role and returns the owner's token. */
async function organisationWithOwner(orgId: string, ownerId: string, body = enterprise) {
  await createOrganisation(body, ownerId, orgId);
  return userWithToken(ownerId, body.kind === "enterprise" ? "recruiter" : "staff");
}

async function ownersOf(orgId: string) {
  const { data } = await db().entities.membership.query.byOrg({ orgId }).go({ pages: "all" });
  return data.filter((m) => m.role === "owner").map((m) => m.userId);
}

beforeAll(async () => {
  owner = await organisationWithOwner("org-ent", "rec-owner");
  admin = await userWithToken("adm-m", "admin");
  student = await userWithToken("stu-m", "student");
  outsider = await organisationWithOwner("org-other", "rec-outsider");
});

describe("invitations", () => {
  it("invite → notification → accept → membership, and the principal sees the new organisation", async () => {
    const invitee = await userWithToken("rec-new", "recruiter");
    const invited = await call("POST", "/api/organisations/org-ent/invitations", {
      token: owner,
      body: { email: " REC-NEW@Example.vn ", role: "staff" },
    });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ orgId: "org-ent", email: "rec-new@example.vn", status: "pending" });
    const days = (Date.parse(invited.json.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    await effectsSettled(); // the notice follows from the stored invitation
    const notes = await call("GET", "/api/notifications", { token: invitee });
    expect(notes.json.items[0]).toMatchObject({ kind: "invitation", link: "/loi-moi" });
    expect(notes.json.items[0].title.vi).toContain("Cảm biến Nhơn Trạch");

    const mine = await call("GET", "/api/invitations/mine", { token: invitee });
    expect(mine.json.items).toHaveLength(1);
    expect(mine.json.items[0]).toMatchObject({ id: invited.json.id, orgName: enterprise.name, role: "staff" });
    expect((await call("GET", "/api/invitations/mine", { token: outsider })).json.items).toEqual([]);

    // Someone else cannot accept or decline it, and cannot tell it exists.
    expect((await call("POST", `/api/invitations/${invited.json.id}/accept`, { token: outsider })).status).toBe(404);
    expect((await call("POST", `/api/invitations/${invited.json.id}/decline`, { token: student })).status).toBe(404);

    expect((await call("POST", `/api/invitations/${invited.json.id}/accept`, { token: invitee })).status).toBe(204);
    const me = await call("GET", "/api/me", { token: invitee });
    expect(me.json.memberships).toEqual([{ orgId: "org-ent", role: "staff" }]);
    const members = await call("GET", "/api/organisations/org-ent/members", { token: invitee });
    expect(members.status).toBe(200);
    expect(members.json.items).toEqual([
      expect.objectContaining({ userId: "rec-owner", role: "owner", email: "rec-owner@example.vn" }),
      expect.objectContaining({ userId: "rec-new", role: "staff", displayName: "rec-new" }),
    ]);
    expect(members.json.items[1].joinedAt).toMatch(/^\d{4}-/);
    await effectsSettled(); // the notice follows from the stored invitation
    const ownerNotes = await call("GET", "/api/notifications", { token: owner });
    expect(ownerNotes.json.items[0].kind).toBe("membership");

    const again = await call("POST", `/api/invitations/${invited.json.id}/accept`, { token: invitee });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("invalid_transition");
    const reinvite = await call("POST", "/api/organisations/org-ent/invitations", {
      token: owner,
      body: { email: "rec-new@example.vn", role: "owner" },
    });
    expect(reinvite.json.error.code).toBe("already_exists");
  });

  it("declines, and a declined invitation can no longer be accepted", async () => {
    const invitee = await userWithToken("rec-decline", "recruiter");
    const body = { email: "rec-decline@example.vn", role: "staff" };
    const invited = await call("POST", "/api/organisations/org-ent/invitations", { token: owner, body });
    const duplicate = await call("POST", "/api/organisations/org-ent/invitations", { token: owner, body });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.code).toBe("already_exists");
    expect((await call("POST", `/api/invitations/${invited.json.id}/decline`, { token: invitee })).status).toBe(204);
    expect((await call("GET", "/api/invitations/mine", { token: invitee })).json.items).toEqual([]);
    const accept = await call("POST", `/api/invitations/${invited.json.id}/accept`, { token: invitee });
    expect(accept.json.error.code).toBe("invalid_transition");
    expect(await ownersOf("org-ent")).toEqual(["rec-owner"]);
    // Once answered, the address may be invited again.
    expect((await call("POST", "/api/organisations/org-ent/invitations", { token: owner, body })).status).toBe(201);
  });

  it("admits only the platform role that fits the organisation's kind", async () => {
    const staffUser = await userWithToken("sta-wrong", "staff");
    const studentUser = await userWithToken("stu-wrong", "student");
    for (const [email, token] of [
      ["sta-wrong@example.vn", staffUser],
      ["stu-wrong@example.vn", studentUser],
    ] as const) {
      const invited = await call("POST", "/api/organisations/org-ent/invitations", {
        token: owner,
        body: { email, role: "staff" },
      });
      const accept = await call("POST", `/api/invitations/${invited.json.id}/accept`, { token });
      expect(accept.status).toBe(403);
      expect(accept.json.error.code).toBe("role_mismatch");
    }
    const uniOwner = await organisationWithOwner("org-uni", "sta-uni-owner", university);
    const invited = await call("POST", "/api/organisations/org-uni/invitations", {
      token: uniOwner,
      body: { email: "sta-wrong@example.vn", role: "staff" },
    });
    expect((await call("POST", `/api/invitations/${invited.json.id}/accept`, { token: staffUser })).status).toBe(204);
  });

  it("refuses an expired invitation and no longer lists it", async () => {
    const invitee = await userWithToken("rec-late", "recruiter");
    const invited = await call("POST", "/api/organisations/org-ent/invitations", {
      token: owner,
      body: { email: "rec-late@example.vn", role: "staff" },
    });
    await db()
      .entities.invitation.patch({ invitationId: invited.json.id })
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .go();
    expect((await call("GET", "/api/invitations/mine", { token: invitee })).json.items).toEqual([]);
    const accept = await call("POST", `/api/invitations/${invited.json.id}/accept`, { token: invitee });
    expect(accept.status).toBe(409);
    expect(accept.json.error.code).toBe("invitation_expired");
  });
});

describe("who may manage members", () => {
  it("answers outsiders 404, members without the right 403, anonymous 401; admins may do everything", async () => {
    const staff = await userWithToken("rec-staff", "recruiter", { orgId: "org-ent", role: "staff" });
    const invite = { email: "someone@example.vn", role: "staff" };
    for (const token of [outsider, student]) {
      expect((await call("GET", "/api/organisations/org-ent/members", { token })).status).toBe(404);
      expect((await call("POST", "/api/organisations/org-ent/invitations", { token, body: invite })).status).toBe(404);
      expect((await call("DELETE", "/api/organisations/org-ent/members/rec-staff", { token })).status).toBe(404);
    }
    expect((await call("GET", "/api/organisations/org-ent/members")).status).toBe(401);
    expect((await call("GET", "/api/invitations/mine")).status).toBe(401);
    expect((await call("GET", "/api/organisations/no-such-org/members", { token: admin })).status).toBe(404);

    expect((await call("GET", "/api/organisations/org-ent/members", { token: staff })).status).toBe(200);
    expect((await call("POST", "/api/organisations/org-ent/invitations", { token: staff, body: invite })).status).toBe(
      403,
    );
    const promote = { token: staff, body: { role: "owner" } };
    expect((await call("PATCH", "/api/organisations/org-ent/members/rec-staff", promote)).status).toBe(403);
    expect((await call("DELETE", "/api/organisations/org-ent/members/rec-owner", { token: staff })).status).toBe(403);

    expect((await call("GET", "/api/organisations/org-ent/members", { token: admin })).status).toBe(200);
    expect((await call("GET", "/api/organisations/org-ent/invitations", { token: admin })).status).toBe(200);
    const byAdmin = await call("POST", "/api/organisations/org-ent/invitations", { token: admin, body: invite });
    expect(byAdmin.status).toBe(201);
    // A staff member may leave on their own.
    expect((await call("DELETE", "/api/organisations/org-ent/members/rec-staff", { token: staff })).status).toBe(204);
    expect((await call("GET", "/api/organisations/org-ent/members", { token: staff })).status).toBe(404);
  });

  it("rejects bad input with 400 and the failing fields", async () => {
    const res = await call("POST", "/api/organisations/org-ent/invitations", {
      token: owner,
      body: { email: "not-an-email", role: "boss", extra: true },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "role"]));
    const patch = await call("PATCH", "/api/organisations/org-ent/members/rec-owner", {
      token: owner,
      body: { role: "admin" },
    });
    expect(patch.json.error.details[0].path).toBe("role");
    expect((await call("DELETE", "/api/organisations/org-ent/members/NOT_AN_ID", { token: owner })).status).toBe(400);
    expect((await call("POST", "/api/invitations/NOT_AN_ID/accept", { token: owner })).status).toBe(400);
  });
});

describe("owners", () => {
  it("never lets the last owner leave or be demoted", async () => {
    const solo = await organisationWithOwner("org-solo", "rec-solo");
    const leave = await call("DELETE", "/api/organisations/org-solo/members/rec-solo", { token: solo });
    expect(leave.status).toBe(409);
    expect(leave.json.error.code).toBe("last_owner");
    const demote = await call("PATCH", "/api/organisations/org-solo/members/rec-solo", {
      token: solo,
      body: { role: "staff" },
    });
    expect(demote.json.error.code).toBe("last_owner");
    expect(await ownersOf("org-solo")).toEqual(["rec-solo"]);
  });

  it("lets an owner promote, demote and remove when another owner remains", async () => {
    const first = await organisationWithOwner("org-pair", "rec-pair-1");
    await userWithToken("rec-pair-2", "recruiter", { orgId: "org-pair", role: "staff" });
    const promoted = await call("PATCH", "/api/organisations/org-pair/members/rec-pair-2", {
      token: first,
      body: { role: "owner" },
    });
    expect(promoted.json).toMatchObject({ userId: "rec-pair-2", role: "owner" });
    expect((await call("DELETE", "/api/organisations/org-pair/members/rec-pair-1", { token: first })).status).toBe(204);
    expect(await ownersOf("org-pair")).toEqual(["rec-pair-2"]);
  });

  it.each([
    ["remove each other", "DELETE", undefined],
    ["demote each other", "PATCH", { role: "staff" }],
  ])("keeps one owner when two owners %s at the same moment", async (_case, method, body) => {
    for (let round = 0; round < 4; round++) {
      const orgId = `org-race-${method.toLowerCase()}-${round}`;
      const a = await organisationWithOwner(orgId, `${orgId}-a`);
      const b = await userWithToken(`${orgId}-b`, "recruiter", { orgId, role: "owner" });
      const results = await Promise.all([
        call(method, `/api/organisations/${orgId}/members/${orgId}-b`, { token: a, body }),
        call(method, `/api/organisations/${orgId}/members/${orgId}-a`, { token: b, body }),
      ]);
      // The loser usually fails the transaction's owner check (409 last_owner); if the winner committed before
      // the loser's request was even authorised, the loser is no longer an owner (403) or member (404).
      expect(results.filter((r) => r.status < 300)).toHaveLength(1);
      const loser = results.find((r) => r.status >= 300)!;
      expect(["last_owner", "forbidden", "not_found"]).toContain(loser.json.error.code);
      expect(await ownersOf(orgId)).toHaveLength(1);
    }
  });

  it("lets exactly one of two concurrent owner removals commit, the other failing with last_owner", async () => {
    for (let round = 0; round < 5; round++) {
      const orgId = `org-tx-${round}`;
      await organisationWithOwner(orgId, `${orgId}-a`);
      await userWithToken(`${orgId}-b`, "recruiter", { orgId, role: "owner" });
      const outcomes = await Promise.allSettled([
        removeMember(orgId, `${orgId}-a`),
        round % 2 ? removeMember(orgId, `${orgId}-b`) : changeMemberRole(orgId, `${orgId}-b`, "staff"),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const failure = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(failure.reason).toMatchObject({ code: "last_owner", status: 409 });
      expect(await ownersOf(orgId)).toHaveLength(1);
    }
  });
});

describe("organisation profile completion", () => {
  it("stores a logo URL and a Vietnamese contact phone, and names a bad phone's field", async () => {
    const current = await call("GET", "/api/organisations/org-ent", { token: owner });
    const updated = await call("PATCH", "/api/organisations/org-ent", {
      token: owner,
      body: {
        logoUrl: "https://cdn.example.vn/logo.png",
        contactPhone: "0251 3822 123",
        version: current.json.version,
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ logoUrl: "https://cdn.example.vn/logo.png", contactPhone: "0251 3822 123" });
    const bad = await call("PATCH", "/api/organisations/org-ent", {
      token: owner,
      body: { contactPhone: "12345", logoUrl: "http://insecure.example", version: updated.json.version },
    });
    expect(bad.status).toBe(400);
    const paths = bad.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["contactPhone", "logoUrl"]));
  });
});

describe("OpenAPI", () => {
  it("documents every member, invitation and personal-data route", async () => {
    const paths = (await call("GET", "/api/openapi.json")).json.paths;
    expect(Object.keys(paths["/api/organisations/{id}/members"])).toEqual(["get"]);
    expect(Object.keys(paths["/api/organisations/{id}/members/{userId}"]).sort()).toEqual(["delete", "patch"]);
    expect(Object.keys(paths["/api/organisations/{id}/invitations"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/invitations/mine"])).toEqual(["get"]);
    expect(Object.keys(paths["/api/invitations/{id}/accept"])).toEqual(["post"]);
    expect(Object.keys(paths["/api/invitations/{id}/decline"])).toEqual(["post"]);
    expect(Object.keys(paths["/api/students/me/export"])).toEqual(["get"]);
    expect(paths["/api/students/me"].delete.requestBody.content["application/json"].schema).toBeDefined();
  });
});
