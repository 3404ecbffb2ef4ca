import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { apply, listingOf, memberOf, move, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";

let recruiter: string;
let listingId: string;

beforeAll(async () => {
  await verifiedOrganisation("sp-org");
  recruiter = await memberOf("sp-rec", "sp-org");
  listingId = await listingOf(recruiter, "sp-org");
});

describe("contact details leave the organisation's view when the student withdraws", () => {
  // Found from outside: the organisation still saw a student's name, e-mail and CV after the student withdrew.
  it("shows them while the application is live; after withdrawal the record stays, pseudonymous", async () => {
    const student = await studentWithProfile("sp-student");
    const applied = await apply(student, listingId);
    expect(applied.status).toBe(201);
    const before = await call("GET", `/api/listings/${listingId}/applications`, { token: recruiter });
    const live = before.json.items.find((a: { id: string }) => a.id === applied.json.id);
    expect(live.applicant.contact.email).toBe("sp-student@example.vn");

    expect((await move(student, applied.json.id, { to: "withdrawn", version: applied.json.version })).status).toBe(200);
    const after = await call("GET", `/api/listings/${listingId}/applications`, { token: recruiter });
    const withdrawn = after.json.items.find((a: { id: string }) => a.id === applied.json.id);
    expect(withdrawn).toMatchObject({
      status: "withdrawn",
      applicant: { identified: false, label: live.applicant.label },
    });
    expect(withdrawn.applicant.contact).toBeUndefined();
    expect(after.text).not.toContain("sp-student@example.vn");
    const one = await call("GET", `/api/applications/${applied.json.id}`, { token: recruiter });
    expect(one.text).not.toContain("sp-student@example.vn");
  });
});

describe("candidate pseudonyms are keyed hashes", () => {
  // Found from outside: candidate ids were SHA-256 of listing and student ids, so anyone who knows a student id
  // could find that student in a candidate list. They are now HMACs with the server secret.
  it("cannot be recomputed from the listing and student ids", async () => {
    const student = await studentWithProfile("sp-candidate");
    const profile = await call("GET", "/api/students/me", { token: student });
    const { userId: _id, updatedAt: _u, createdAt: _c, consents: _consents, ...rest } = profile.json;
    const saved = await call("PUT", "/api/students/me", {
      token: student,
      body: {
        ...rest,
        consents: { shareWithAppliedOrgs: true, recommendToRecruiters: true, provinceStatistics: true },
      },
    });
    expect(saved.status, saved.text).toBe(200);
    const res = await call("GET", `/api/listings/${listingId}/candidates?limit=50`, { token: recruiter });
    expect(res.status).toBe(200);
    const ids = (res.json.items as { candidateId: string }[]).map((c) => c.candidateId);
    expect(ids.length).toBeGreaterThan(0);
    const plain = createHash("sha256").update(`candidate:${listingId}:sp-candidate`).digest("hex").slice(0, 32);
    expect(ids).not.toContain(plain);
  });
});
