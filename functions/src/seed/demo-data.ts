import { communes, industrialParks, type Role } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { ListingEntity } from "../db/entities/listing";
import type { MembershipEntity } from "../db/entities/membership";
import type { OrganisationEntity } from "../db/entities/organisation";
import type { StudentEntity } from "../db/entities/student";
import type { UserEntity } from "../db/entities/user";
import { addDays, demoTime as at, day, hour } from "./clock";
import { enterpriseSeeds } from "./content/enterprises";
import { communityListings } from "./content/listings-community";
import { hardwareListings } from "./content/listings-hardware";
import { publicListings } from "./content/listings-public";
import { softwareListings } from "./content/listings-software";
import { type OrganisationSeed, publicOrganisationSeeds } from "./content/organisations";
import type { ListingSeed, Prose, Text } from "./content/types";
import { demoEmail, demoEmailDomain, generateStudents, randomPerson } from "./people";
import { createRandom, type Random } from "./random";

export type DemoUser = EntityItem<UserEntity>;
export type DemoMembership = EntityItem<MembershipEntity>;
export type DemoOrganisation = EntityItem<OrganisationEntity>;
export type DemoStudent = EntityItem<StudentEntity>;
export type DemoListing = EntityItem<ListingEntity>;

/** Everything the demo seed writes, shaped as the ElectroDB entity items. */
export interface DemoData {
  users: DemoUser[];
  memberships: DemoMembership[];
  organisations: DemoOrganisation[];
  students: DemoStudent[];
  listings: DemoListing[];
}

/** The accounts the sign-in page lists first; their ids sort before the generated `u-…` ids of the same role. */
const namedAccounts: Record<string, { displayName: string; email: string; role: Role }> = {
  admin: { displayName: "Quản trị viên KetNoi", email: "admin", role: "admin" },
  "prov-khcn": { displayName: "Huỳnh Văn Tài", email: "tai.huynh", role: "province" },
  "staff-lhu": { displayName: "Phạm Thu Hà", email: "ha.pham", role: "staff" },
  "staff-vnu": { displayName: "Lê Hoàng Nam", email: "nam.le", role: "staff" },
  "rec-amata": { displayName: "Võ Thị Mai Anh", email: "maianh.vo", role: "recruiter" },
  "rec-pending": { displayName: "Đặng Quốc Huy", email: "huy.dang", role: "recruiter" },
};

/** Listings of verified organisations that are not simply published, so every status shows up in the demo. */
const statusOverrides: Record<string, "draft" | "closed"> = {
  "amata-tech-intern-computer-vision": "draft",
  "dnai-job-ml-engineer": "draft",
  "vnu-ai-lab-intern-vietnamese-nlp": "draft",
  "la-chan-xanh-training-pentest": "draft",
  "dnu-volunteer-green-summer": "draft",
  "amata-tech-job-electronics-test": "closed",
  "vnu-hcmut-training-verilog": "closed",
};

/** Joins prose chunks into the stored text and fills its `{name}` placeholders. */
function render(prose: Prose, values: Record<string, Required<Text>>): Text {
  const fill = (chunks: readonly string[], lang: "vi" | "en") =>
    chunks.join(" ").replace(/\{(\w+)\}/g, (match, key: string) => values[key]?.[lang] ?? match);
  return { vi: fill(prose.vi, "vi"), ...(prose.en ? { en: fill(prose.en, "en") } : {}) };
}

function organisationItem(seed: OrganisationSeed, index: number): DemoOrganisation {
  // Decided organisations joined months ago; pending ones registered in the last days, so the queue looks fresh.
  const pending = seed.verification === "pending";
  const created = pending ? -5 * day + index * hour : -120 * day + index * 2 * day;
  return {
    orgId: seed.id,
    kind: seed.kind,
    name: seed.name,
    description: render(seed.description, {}),
    sectors: seed.sectors,
    communeId: seed.communeId,
    address: seed.address,
    ...(seed.industrialParkId ? { industrialParkId: seed.industrialParkId } : {}),
    ...(seed.website ? { website: seed.website } : {}),
    contactEmail: `${seed.kind === "enterprise" ? "tuyendung" : "lienhe"}.${seed.id}@${demoEmailDomain}`,
    verification: seed.verification,
    ...(seed.verificationReason ? { verificationReason: seed.verificationReason } : {}),
    createdAt: at(created),
    updatedAt: at(pending ? created : created + 2 * day),
    version: pending ? 1 : 2,
  };
}

/** Organisations, their owners (plus a few extra members) and the platform-level demo accounts. */
function generateOrganisations(rng: Random) {
  const seeds = [...publicOrganisationSeeds, ...enterpriseSeeds];
  const organisations = seeds.map(organisationItem);
  const users: DemoUser[] = Object.entries(namedAccounts)
    .filter(([, account]) => account.role === "admin" || account.role === "province")
    .map(([userId, account]) => ({
      userId,
      ...account,
      email: `${account.email}@${demoEmailDomain}`,
      demo: true,
      createdAt: at(-150 * day),
    }));
  const memberships: DemoMembership[] = [];

  const addMember = (org: DemoOrganisation, userId: string, role: "owner" | "staff") => {
    memberships.push({ orgId: org.orgId, userId, role, createdAt: org.createdAt });
  };
  const addUser = (org: DemoOrganisation, userId: string, membership: "owner" | "staff") => {
    const named = namedAccounts[userId];
    const person = randomPerson(rng);
    users.push({
      userId,
      displayName: named?.displayName ?? person.fullName,
      email: named ? `${named.email}@${demoEmailDomain}` : demoEmail(person, org.orgId),
      role: named?.role ?? (org.kind === "enterprise" ? "recruiter" : "staff"),
      demo: true,
      createdAt: org.createdAt,
    });
    addMember(org, userId, membership);
  };

  for (const [i, seed] of seeds.entries()) addUser(organisations[i]!, seed.ownerId ?? `u-${seed.id}`, "owner");
  const orgById = new Map(organisations.map((o) => [o.orgId, o]));
  // A second member where the demo shows teamwork: a faculty's staff at LHU, a second recruiter at Amata Tech.
  addUser(orgById.get("lhu")!, "u-lhu-2", "staff");
  addUser(orgById.get("amata-tech")!, "u-amata-tech-2", "staff");
  addMember(orgById.get("so-khcn")!, "prov-khcn", "staff");
  return { organisations, users, memberships, orgById };
}

/** One listing of a template for one owner, with its status, timestamps, deadline and visit sessions. */
export function listingItem(seed: ListingSeed, org: DemoOrganisation, index: number, rng: Random): DemoListing {
  const listingId = `${org.orgId}-${seed.key}`;
  const park = industrialParks.find((p) => p.id === org.industrialParkId);
  const values = {
    org: { vi: org.name.vi, en: org.name.en ?? org.name.vi },
    park: park
      ? { vi: park.name, en: `${park.name.replace("KCN ", "")} Industrial Park` }
      : { vi: "Đồng Nai", en: "Đồng Nai" },
  };
  const status = org.verification !== "verified" ? "draft" : (statusOverrides[listingId] ?? "published");
  // Spread over the month before the base date, but never before the organisation itself registered.
  const orgCreated = Date.parse(org.createdAt) - Date.parse(at(0));
  const created = Math.max(-30 * day + index * 6 * hour, orgCreated + day) + rng.int(0, 300) * 60_000;
  const published = status === "draft" ? undefined : created + rng.int(1, 30) * hour;
  const updated =
    published === undefined ? created + rng.int(0, 5) * hour : published + (status === "closed" ? 10 * day : 0);
  const { terms } = seed;
  const visit = seed.type === "visit";
  const deadline = visit ? addDays("2027-01-10", rng.int(0, 45)) : addDays("2027-01-31", rng.int(0, 150));
  const paidKind = seed.type === "internship" || seed.type === "job";
  return {
    listingId,
    orgId: org.orgId,
    type: seed.type,
    title: render({ vi: [seed.title.vi], ...(seed.title.en ? { en: [seed.title.en] } : {}) }, values),
    description: render(seed.description, values),
    requiredSkills: [...seed.skills.required],
    preferredSkills: [...seed.skills.preferred],
    majors: [...seed.majors],
    years: [...terms.years],
    communeId: org.communeId,
    ...(org.industrialParkId ? { industrialParkId: org.industrialParkId } : {}),
    workMode: terms.workMode,
    deadline,
    ...(terms.positions ? { positions: terms.positions } : {}),
    ...(paidKind || terms.stipendVnd ? { paid: terms.stipendVnd !== undefined } : {}),
    ...(terms.stipendVnd ? { stipendVnd: terms.stipendVnd } : {}),
    ...(terms.durationWeeks ? { durationWeeks: terms.durationWeeks } : {}),
    ...(visit ? { sessions: visitSessions(terms.sessions ?? 1, deadline, org.address, rng) } : {}),
    status,
    ...(published === undefined ? {} : { publishedAt: at(published) }),
    sortAt: at(published ?? created),
    createdAt: at(created),
    updatedAt: at(updated),
    version: status === "draft" ? 1 : status === "published" ? 2 : 3,
  };
}

/** Sessions on weekdays after the registration deadline, a week or two apart. */
function visitSessions(count: number, deadline: string, place: string, rng: Random) {
  let date = deadline;
  return Array.from({ length: count }, (_, i) => {
    date = addDays(date, rng.int(7, 14));
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) date = addDays(date, weekday === 6 ? 2 : 1);
    const startTime = rng.pick(["08:00", "08:30", "13:30", "14:00"]);
    return { id: `s${i + 1}`, date, startTime, place, seats: rng.pick([15, 20, 25, 30, 40]) };
  });
}

/**
 * A template several organisations post would show the same title several times in a row on the home page; each
 * copy names where it is (its industrial park or commune), or its organisation when two owners share a place.
 */
function withOwnTitle(
  listing: DemoListing,
  template: ListingSeed,
  orgById: Map<string, DemoOrganisation>,
): DemoListing {
  if (template.owners.length < 2) return listing;
  const placeOf = (org: DemoOrganisation | undefined) =>
    org
      ? (industrialParks.find((p) => p.id === org.industrialParkId)?.name ??
        communes.find((c) => c.id === org.communeId)?.name ??
        org.name.vi)
      : "";
  const places = template.owners.map((id) => placeOf(orgById.get(id)));
  const org = orgById.get(listing.orgId)!;
  const placeName = placeOf(org);
  const unique = places.filter((p) => p === placeName).length === 1;
  const vi = unique ? placeName : org.name.vi;
  const en = unique ? placeName : (org.name.en ?? org.name.vi);
  return {
    ...listing,
    title: { vi: `${listing.title.vi} — ${vi}`, ...(listing.title.en ? { en: `${listing.title.en} — ${en}` } : {}) },
  };
}

/**
 * The whole demo data set: universities, VNU-HCM labs and centres, enterprises in Đồng Nai's industrial parks,
 * government units, their staff and recruiters, 200+ students and 100 listings. Pure and deterministic: the same
 * seed gives deep-equal (and byte-identical JSON) output on every run and machine.
 * @example generateDemoData().organisations.find((o) => o.orgId === "lhu")?.name.vi // "Trường Đại học Lạc Hồng"
 */
export function generateDemoData(seed = 2026): DemoData {
  // One stream per part, so adding a student does not reshuffle the listings.
  const { organisations, users, memberships, orgById } = generateOrganisations(createRandom(seed));
  const students = generateStudents(createRandom(seed + 1), orgById);
  const listingRng = createRandom(seed + 2);
  const listingSeeds = [...hardwareListings, ...softwareListings, ...publicListings, ...communityListings];
  const listings = listingSeeds
    .flatMap((template) => template.owners.map((owner) => ({ template, owner })))
    .map(({ template, owner }, index) => {
      const org = orgById.get(owner);
      if (!org) throw new Error(`Listing ${template.key} names an unknown organisation: ${owner}`);
      return withOwnTitle(listingItem(template, org, index, listingRng), template, orgById);
    });
  return {
    users: [...users, ...students.map((s) => s.user)],
    memberships,
    organisations,
    // The demo schools have confirmed their students' enrolment (routes/enrolments.ts), so school rounds work.
    students: students.map((s) => ({
      ...s.profile,
      confirmedUniversityId: s.profile.universityId,
      enrolmentConfirmedAt: s.profile.createdAt,
    })),
    listings,
  };
}
