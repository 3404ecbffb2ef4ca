import { beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { memberOf, verifiedOrganisation } from "../../test/marketplace";

/**
 * An untouched edit form sends back what it was given (the web's component tests check that side); here the API
 * side: saving a record's own fields unchanged changes nothing but `version` and `updatedAt` (issue 12).
 */
const withoutBookkeeping = (record: Record<string, unknown>) => {
  const { version, updatedAt, ...rest } = record;
  return rest;
};

let owner: string;

beforeAll(async () => {
  await verifiedOrganisation("org-trip");
  owner = await memberOf("rec-trip", "org-trip");
});

describe("untouched saves round-trip every field", () => {
  it("student profile: PUT of the stored fields keeps school, skills, languages, communes, dates and CV", async () => {
    const token = await userWithToken("sv-trip", "student");
    const fields = {
      fullName: "Trần Văn Khoa",
      universityId: "lhu",
      major: "se",
      year: 4,
      skills: [
        { id: "python", level: 4 },
        { id: "sql", level: 2 },
      ],
      languages: [{ code: "en", level: "fluent" }],
      availableFrom: "2027-06-01",
      availableTo: "2027-09-30",
      reachableCommunes: ["p-tran-bien", "p-long-binh"],
      preferredSectors: ["software", "electronics"],
      cvUrl: "https://cv.example.vn/khoa.pdf",
    };
    const consents = { shareWithAppliedOrgs: true, recommendToRecruiters: true, provinceStatistics: false };
    const created = await call("PUT", "/api/students/me", { token, body: { ...fields, consents } });
    expect(created.status, created.text).toBe(200);
    const before = (await call("GET", "/api/students/me", { token })).json;

    // What the form sends untouched: the stored fields, the stored consent choices and the version it read.
    const { userId, consents: stored, createdAt, updatedAt, version, ...storedFields } = before;
    const again = await call("PUT", "/api/students/me", {
      token,
      body: {
        ...storedFields,
        consents: Object.fromEntries(Object.entries(stored).map(([k, c]) => [k, (c as { granted: boolean }).granted])),
        version,
      },
    });
    expect(again.status, again.text).toBe(200);
    const after = (await call("GET", "/api/students/me", { token })).json;
    expect(after.version).toBe(before.version + 1);
    expect(withoutBookkeeping(after)).toEqual(withoutBookkeeping(before));
    expect(storedFields).toMatchObject(fields);
  });

  it("organisation: PATCH of the stored fields changes nothing else", async () => {
    const before = (await call("GET", "/api/organisations/org-trip", { token: owner })).json;
    const { id, verification, createdAt, updatedAt, version, logoUrl, verificationReason, ...fields } = before;
    const saved = await call("PATCH", "/api/organisations/org-trip", { token: owner, body: { ...fields, version } });
    expect(saved.status, saved.text).toBe(200);
    const after = (await call("GET", "/api/organisations/org-trip", { token: owner })).json;
    expect(after.version).toBe(version + 1);
    expect(withoutBookkeeping(after)).toEqual(withoutBookkeeping(before));
  });

  it("lab visit with sessions and questions: PATCH of the stored fields keeps every session and question", async () => {
    const created = await call("POST", "/api/listings", {
      token: owner,
      body: {
        orgId: "org-trip",
        type: "visit",
        title: { vi: "Tham quan phòng sạch", en: "Clean room visit" },
        description: { vi: "Tham quan dây chuyền.", en: "See the line." },
        requiredSkills: ["python"],
        preferredSkills: ["sql"],
        majors: ["se"],
        years: [2, 3],
        communeId: "p-tran-bien",
        industrialParkId: "amata",
        workMode: "onsite",
        deadline: "2099-03-20",
        sessions: [
          { id: "s-1", date: "2099-03-25", startTime: "09:00", place: "Phòng sạch A", seats: 20 },
          { id: "s-2", date: "2099-03-26", startTime: "14:00", place: "Phòng sạch B", seats: 15 },
        ],
        questions: [{ id: "q-1", vi: "Bạn học ngành gì?", en: "What do you study?" }],
      },
    });
    expect(created.status, created.text).toBe(201);
    const published = await call("PATCH", `/api/listings/${created.json.id}`, {
      token: owner,
      body: { status: "published", version: created.json.version },
    });
    expect(published.status).toBe(200);
    // What the edit form reads: the listing as GET returns it (with the seats taken per session).
    const before = (await call("GET", `/api/listings/${created.json.id}`, { token: owner })).json;
    const {
      id,
      orgId,
      orgName,
      orgVerified,
      status,
      createdAt,
      updatedAt,
      publishedAt,
      version,
      skillLabels,
      seatsTaken,
      ...fields
    } = before;
    const saved = await call("PATCH", `/api/listings/${id}`, { token: owner, body: { ...fields, version } });
    expect(saved.status, saved.text).toBe(200);
    const after = (await call("GET", `/api/listings/${id}`, { token: owner })).json;
    expect(after.version).toBe(version + 1);
    expect(withoutBookkeeping(after)).toEqual(withoutBookkeeping(before));
    expect(after.sessions).toHaveLength(2);
  });
});
