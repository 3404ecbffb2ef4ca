import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import ListingEdit from "../../features/org/ListingEdit";
import OrgProfile from "../../features/org/OrgProfile";
import Profile from "../../features/student/Profile";

/**
 * Every edit form opens with what is stored and, saved untouched, sends back every stored field (issue 12: the
 * profile form's store was filled before the profile arrived, so an untouched save wiped it).
 */
const profile = {
  userId: "sv-lan",
  fullName: "Nguyễn Thị Lan",
  universityId: "lhu",
  major: "it",
  year: 3,
  skills: [
    { id: "python", level: 4 },
    { id: "sql", level: 2 },
  ],
  languages: [{ code: "en", level: "intermediate" }],
  availableFrom: "2027-06-01",
  availableTo: "2027-08-31",
  reachableCommunes: ["p-long-binh", "p-tran-bien"],
  preferredSectors: ["software"],
  cvUrl: "https://example.vn/cv-lan.pdf",
  consents: {
    shareWithAppliedOrgs: { granted: true, at: "2026-01-05T02:30:00.000Z" },
    recommendToRecruiters: { granted: false, at: "2026-01-01T00:00:00.000Z" },
    provinceStatistics: { granted: true, at: "2026-01-01T00:00:00.000Z" },
  },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-05T02:30:00.000Z",
  version: 4,
};
const school = { id: "lhu", kind: "university", name: { vi: "Trường Đại học Lạc Hồng" }, verification: "verified" };
const notFound = { status: 404, body: { error: { code: "not_found", message: "" } } };

const sentBody = (calls: { mock: { calls: unknown[][] } }, method: string) => {
  const init = calls.mock.calls.map(([, i]) => i as RequestInit | undefined).find((i) => i?.method === method);
  return JSON.parse(String(init?.body));
};

describe("forms bound to what is stored", () => {
  it("the student profile opens filled once it arrives, and an untouched save sends every field back", async () => {
    const calls = await signInAs(people.lan, ({ method, url, body }) => {
      if (url === "/api/students/me" && method === "GET") return { body: profile };
      if (url === "/api/students/me" && method === "PUT")
        return { body: { ...profile, ...(body as object), version: 5 } };
      if (url.startsWith("/api/organisations?kind=university")) return { body: { items: [school] } };
      if (url.startsWith("/api/organisations?kind=institute")) return { body: { items: [] } };
      return notFound;
    });
    renderPage(Profile, "/ho-so");

    const schoolSelect = (await screen.findByLabelText(/^Trường/)) as HTMLSelectElement;
    await waitFor(() => expect(schoolSelect.value).toBe("lhu"));
    expect((screen.getByLabelText(/^Năm học/) as HTMLSelectElement).value).toBe("3");
    expect((screen.getByLabelText(/^Ngành/) as HTMLSelectElement).value).toBe("it");
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Đã lưu hồ sơ.")).toBeTruthy();

    const { consents, userId, createdAt, updatedAt, ...fields } = profile;
    expect(sentBody(calls, "PUT")).toEqual({
      ...fields,
      consents: { shareWithAppliedOrgs: true, recommendToRecruiters: false, provinceStatistics: true },
    });
  });

  it("a lab visit with sessions and questions saves untouched with every field", async () => {
    const visit = listingFixture({
      id: "ls-visit",
      type: "visit",
      status: "draft",
      industrialParkId: "amata",
      deadline: "2027-03-20",
      sessions: [
        { id: "s-1", date: "2027-03-25", startTime: "09:00", place: "Phòng sạch A", seats: 20 },
        { id: "s-2", date: "2027-03-26", startTime: "14:00", place: "Phòng sạch B", seats: 15 },
      ],
      questions: [{ id: "q-1", vi: "Bạn đã học vi mạch chưa?", en: "Have you studied chips?" }],
      version: 3,
    });
    const calls = await signInAs(people.huy, ({ method, url, body }) => {
      if (url === "/api/listings/ls-visit" && method === "GET") return { body: visit };
      if (url === "/api/listings/ls-visit" && method === "PATCH")
        return { body: { ...visit, ...(body as object), version: 4 } };
      if (url === "/api/organisations/org-amata-chip") return { body: { id: "org-amata-chip" } };
      return notFound;
    });
    renderPage(ListingEdit, "/tin/ls-visit/sua", "/tin/:id/sua");

    fireEvent.click(await screen.findByRole("button", { name: "Lưu thay đổi" }));
    expect(await screen.findByText("Đã lưu thay đổi.")).toBeTruthy();
    const sent = sentBody(calls, "PATCH");
    expect(sent).toEqual({
      type: "visit",
      title: visit.title,
      description: visit.description,
      requiredSkills: visit.requiredSkills,
      preferredSkills: visit.preferredSkills,
      majors: visit.majors,
      years: visit.years,
      communeId: visit.communeId,
      industrialParkId: "amata",
      workMode: visit.workMode,
      deadline: visit.deadline,
      sessions: visit.sessions,
      questions: visit.questions,
      version: 3,
    });
  });

  it("the organisation form opens with the stored profile and an untouched save sends it back", async () => {
    const org = {
      id: "org-amata-chip",
      kind: "enterprise",
      name: { vi: "Công ty TNHH Vi mạch Amata", en: "Amata Microchip Co." },
      description: { vi: "Thiết kế vi mạch.", en: "Chip design." },
      sectors: ["semiconductors", "electronics"],
      communeId: "p-long-binh",
      address: "Lô 5, đường 3A",
      industrialParkId: "amata",
      website: "https://amata-chip.example.vn",
      contactEmail: "hr@amata-chip.example.vn",
      verification: "verified",
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
      version: 7,
    };
    const calls = await signInAs(people.huy, ({ method, url, body }) => {
      if (url === "/api/organisations/org-amata-chip" && method === "GET") return { body: org };
      if (url === "/api/organisations/org-amata-chip" && method === "PATCH")
        return { body: { ...org, ...(body as object), version: 8 } };
      return notFound;
    });
    renderPage(OrgProfile, "/to-chuc/org-amata-chip", "/to-chuc/:id");

    fireEvent.click(await screen.findByRole("button", { name: "Sửa hồ sơ" }));
    await waitFor(() => expect((screen.getByLabelText(/^Địa chỉ/) as HTMLInputElement).value).toBe(org.address));
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(calls.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(true));
    const { id, verification, createdAt, updatedAt, ...fields } = org;
    expect(sentBody(calls, "PATCH")).toEqual(fields);
  });
});
