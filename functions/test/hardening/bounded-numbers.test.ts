import { beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../helpers";
import { apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../marketplace";

// Unsafe integers used to reach DynamoDB (`"version": 1e21` → 500 internal_error). Every number in every core
// schema is now bounded (packages/core/src/schemas/bounded.test.ts), so each is a 400 naming the field.
const unsafe: [string, string][] = [
  ["1e21", "1e21"],
  ["2^53 + 1", "9007199254740993"],
  ["30 digits", "123456789012345678901234567890"],
  ["-1e21", "-1e21"],
];

let recruiter: string;
let student: string;
let province: string;
let admin: string;
let listingId: string;
let applicationId: string;

beforeAll(async () => {
  await verifiedOrganisation("bn-org");
  recruiter = await memberOf("bn-owner", "bn-org");
  student = await studentWithProfile("bn-student");
  province = await userWithToken("bn-province", "province");
  admin = await userWithToken("bn-admin", "admin");
  listingId = await listingOf(recruiter, "bn-org");
  applicationId = (await apply(student, listingId)).json.id;
});

/** Sends a JSON body whose `field` holds a raw number token (JSON.stringify cannot write 9007199254740993). */
function withRawNumber(method: string, path: string, token: string, body: Record<string, unknown>, token2: string) {
  const text = JSON.stringify(body).replace('"@@N@@"', token2);
  return call(method, path, { token, rawBody: text, headers: { "content-type": "application/json" } });
}

describe("a number out of range is a 400 naming the field, never a 500", () => {
  const routes: {
    name: string;
    method: string;
    path: () => string;
    token: () => string;
    body: object;
    field: string;
  }[] = [
    {
      name: "PATCH /api/listings/{id}",
      method: "PATCH",
      path: () => `/api/listings/${listingId}`,
      token: () => recruiter,
      body: { title: { vi: "Tin mới" }, version: "@@N@@" },
      field: "version",
    },
    {
      name: "PATCH /api/listings/{id} positions",
      method: "PATCH",
      path: () => `/api/listings/${listingId}`,
      token: () => recruiter,
      body: { positions: "@@N@@", version: 1 },
      field: "positions",
    },
    {
      name: "POST /api/applications/{id}/transitions",
      method: "POST",
      path: () => `/api/applications/${applicationId}/transitions`,
      token: () => recruiter,
      body: { to: "reviewing", version: "@@N@@" },
      field: "version",
    },
    {
      name: "PUT /api/students/me",
      method: "PUT",
      path: () => "/api/students/me",
      token: () => student,
      body: {
        fullName: "Sinh viên",
        universityId: "lhu",
        major: "se",
        year: 3,
        skills: [],
        languages: [],
        reachableCommunes: [],
        preferredSectors: [],
        consents: { shareWithAppliedOrgs: true, recommendToRecruiters: false, provinceStatistics: true },
        version: "@@N@@",
      },
      field: "version",
    },
    {
      name: "PATCH /api/organisations/{id}",
      method: "PATCH",
      path: () => "/api/organisations/bn-org",
      token: () => admin,
      body: { address: "1 Đường A", version: "@@N@@" },
      field: "version",
    },
    {
      name: "PUT /api/targets",
      method: "PUT",
      path: () => "/api/targets",
      token: () => province,
      body: { year: 2027, field: "software", counts: { internships: 10 }, version: "@@N@@" },
      field: "version",
    },
  ];

  for (const route of routes) {
    for (const [label, token] of unsafe) {
      it(`${route.name} with ${label}`, async () => {
        const res = await withRawNumber(route.method, route.path(), route.token(), { ...route.body }, token);
        expect(res.status, res.text).toBe(400);
        expect(res.json.error.code).toBe("validation_failed");
        expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(route.field);
      });
    }
  }
});
