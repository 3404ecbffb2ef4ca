import { describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { memberOf, verifiedOrganisation } from "../../test/marketplace";

/** Some Vietnamese keyboards send decomposed text (NFD): stored as typed, "Nguyễn" became two different names. */
const nfd = (text: string) => text.normalize("NFD");

describe("text entering the API is normalised once", () => {
  it("stores a decomposed, padded name as NFC and trimmed", async () => {
    const token = await userWithToken("sv-nfd", "student");
    const typed = `  ${nfd("Nguyễn Thị Ánh")}  `;
    expect(typed.trim()).not.toBe("Nguyễn Thị Ánh");
    const res = await call("PUT", "/api/students/me", {
      token,
      body: {
        fullName: typed,
        universityId: "lhu",
        major: "se",
        year: 2,
        skills: [],
        languages: [],
        reachableCommunes: [],
        preferredSectors: [],
        consents: { shareWithAppliedOrgs: false, recommendToRecruiters: false, provinceStatistics: false },
      },
    });
    expect(res.status, res.text).toBe(200);
    const stored = (await call("GET", "/api/students/me", { token })).json;
    expect(stored.fullName).toBe("Nguyễn Thị Ánh");
    expect(stored.fullName).toBe(stored.fullName.normalize("NFC"));
  });

  it("normalises nested labels and descriptions of a listing to NFC, labels trimmed", async () => {
    await verifiedOrganisation("org-nfd");
    const token = await memberOf("rec-nfd", "org-nfd");
    const res = await call("POST", "/api/listings", {
      token,
      body: {
        orgId: "org-nfd",
        type: "visit",
        title: { vi: ` ${nfd("Tham quan phòng thí nghiệm")} ` },
        description: { vi: nfd("Học về vi mạch.\n\nMang theo thẻ sinh viên.") },
        requiredSkills: [],
        preferredSkills: [],
        majors: [],
        years: [],
        communeId: "p-tran-bien",
        workMode: "onsite",
        deadline: "2099-01-31",
        sessions: [{ id: "s-1", date: "2099-02-01", startTime: "09:00", place: ` ${nfd("Phòng sạch")}`, seats: 5 }],
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.title.vi).toBe("Tham quan phòng thí nghiệm");
    expect(res.json.description.vi).toBe("Học về vi mạch.\n\nMang theo thẻ sinh viên.");
    expect(res.json.sessions[0].place).toBe("Phòng sạch");
  });
});
