import type { Organisation } from "@ketnoi/core";
import type { StoredListing } from "../src/data/listings";
import { type SearchDocument, toSearchDocument } from "../src/search/document";

/**
 * Test fixtures for the search tests: a small Đồng Nai catalogue whose words, places and dates make each
 * filter and sort observable. "Today" in these tests is 2026-02-01.
 */
export const fixtureToday = "2026-02-01";

const org = (id: string, name: Organisation["name"], sectors: string[], verified: boolean): Organisation =>
  ({
    id,
    kind: "enterprise",
    name,
    sectors,
    communeId: "x-long-thanh",
    address: "Đồng Nai",
    verification: verified ? "verified" : "pending",
    createdAt: "2025-12-01T00:00:00.000Z",
    updatedAt: "2025-12-01T00:00:00.000Z",
    version: 1,
  }) as Organisation;

export const fixtureOrgs = {
  chip: org(
    "org-chip",
    { vi: "Công ty TNHH Vi mạch Long Thành", en: "Long Thanh Microchip Co." },
    ["semiconductors"],
    true,
  ),
  university: org("org-dnu", { vi: "Trường Đại học Đồng Nai" }, ["education"], true),
  software: org("org-soft", { vi: "Công ty Phần mềm Biên Hòa" }, ["software"], false),
  commune: org("org-commune", { vi: "UBND Xã Long Thành" }, ["public_services"], true),
};

/** A published listing with sensible defaults; `id`, `title` and `orgId` vary per fixture. */
export function storedListing(fields: Partial<StoredListing> & Pick<StoredListing, "id" | "orgId">): StoredListing {
  return {
    type: "internship",
    title: { vi: "Tin" },
    description: { vi: "Mô tả." },
    requiredSkills: [],
    preferredSkills: [],
    majors: [],
    years: [],
    communeId: "x-long-thanh",
    workMode: "onsite",
    deadline: "2026-12-31",
    status: "published",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    version: 1,
    ...fields,
  } as StoredListing;
}

const at = (day: string) => `2026-01-${day}T08:00:00.000Z`;

/** Five listings: embedded internship (A), AI lab visit (B), back-end job past deadline (C), IC training (D), volunteer (E). */
export const fixtureListings: StoredListing[] = [
  storedListing({
    id: "a-embedded",
    orgId: "org-chip",
    title: { vi: "Thực tập sinh lập trình nhúng", en: "Embedded programming intern" },
    description: { vi: "Phát triển firmware cho cảm biến công nghiệp." },
    requiredSkills: ["embedded-c", "cpp"],
    industrialParkId: "long-thanh",
    paid: true,
    deadline: "2027-03-31",
    publishedAt: at("10"),
    updatedAt: at("10"),
  }),
  storedListing({
    id: "b-ai-visit",
    orgId: "org-dnu",
    type: "visit",
    title: { vi: "Tham quan phòng thí nghiệm trí tuệ nhân tạo" },
    description: { vi: "Sinh viên tham quan phòng lab và nghe giới thiệu nghiên cứu." },
    requiredSkills: ["ai"],
    communeId: "p-tran-bien",
    paid: false,
    deadline: "2026-12-01",
    publishedAt: at("12"),
    updatedAt: at("12"),
  }),
  storedListing({
    id: "c-backend-job",
    orgId: "org-soft",
    type: "job",
    title: { vi: "Lập trình viên web back-end", en: "Back-end web developer" },
    description: { vi: "Xây dựng API cho hệ thống thương mại điện tử." },
    requiredSkills: ["web-backend", "javascript"],
    communeId: "p-long-binh",
    industrialParkId: "amata",
    paid: true,
    deadline: "2025-12-01",
    publishedAt: at("05"),
    updatedAt: at("05"),
  }),
  storedListing({
    id: "d-ic-training",
    orgId: "org-chip",
    type: "training",
    title: { vi: "Khóa đào tạo thiết kế vi mạch", en: "IC design course" },
    description: { vi: "Khóa học ngắn hạn về thiết kế vi mạch số." },
    requiredSkills: ["ic-design"],
    deadline: "2026-06-30",
    publishedAt: at("08"),
    updatedAt: at("08"),
  }),
  storedListing({
    id: "e-volunteer",
    orgId: "org-commune",
    type: "volunteer",
    title: { vi: "Tình nguyện hỗ trợ người dân dùng dịch vụ công trực tuyến" },
    description: { vi: "Tổ công nghệ số cộng đồng cầm tay chỉ việc cho người dân." },
    preferredSkills: ["public-eservices", "e-id"],
    deadline: "2026-03-01",
    publishedAt: at("08"),
    updatedAt: at("09"),
  }),
];

const orgById = new Map(Object.values(fixtureOrgs).map((o) => [o.id, o]));

/** The fixtures as index documents. */
export function fixtureDocuments(): SearchDocument[] {
  return fixtureListings.map((listing) => toSearchDocument(listing, orgById.get(listing.orgId)));
}
