import { type ApplicationStatus, targetMetrics, workforceFieldIds } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import { provinceWide } from "../data/targets";
import type { ApplicationEntity } from "../db/entities/application";
import type { BookingEntity } from "../db/entities/booking";
import type { ListingDemandEntity } from "../db/entities/listing-demand";
import type { PlacementRoundEntity } from "../db/entities/placement-round";
import type { SessionSeatsEntity } from "../db/entities/session-seats";
import type { TargetEntity } from "../db/entities/target";
import { demoTime as at, day, hour } from "./clock";
import { communityListings } from "./content/listings-community";
import { hardwareListings } from "./content/listings-hardware";
import { publicListings } from "./content/listings-public";
import { softwareListings } from "./content/listings-software";
import {
  type DemoData,
  type DemoListing,
  type DemoMembership,
  type DemoOrganisation,
  type DemoUser,
  generateDemoData,
  listingItem,
} from "./demo-data";
import { generateStudents } from "./people";
import { createRandom } from "./random";

/** How much data a seed writes: the demo (default) or a whole province. */
export interface SeedScale {
  students: number;
  organisations: number;
  listings: number;
  applications: number;
}

export const seedScales = {
  province: { students: 100_000, organisations: 2_000, listings: 20_000, applications: 300_000 },
  /** A tenth of the province, for a quicker run of the same shapes. */
  district: { students: 10_000, organisations: 200, listings: 2_000, applications: 30_000 },
} satisfies Record<string, SeedScale>;

export type ProvinceData = DemoData & {
  applications: EntityItem<ApplicationEntity>[];
  bookings: EntityItem<BookingEntity>[];
  sessionSeats: EntityItem<SessionSeatsEntity>[];
  listingDemand: EntityItem<ListingDemandEntity>[];
  targets: EntityItem<TargetEntity>[];
  rounds: EntityItem<PlacementRoundEntity>[];
};

// Where an application ends up, roughly as a recruiting season leaves them (the rest are still submitted).
const outcomes: ReadonlyArray<readonly [ApplicationStatus, number]> = [
  ["submitted", 0.4],
  ["reviewing", 0.14],
  ["shortlisted", 0.08],
  ["interview", 0.06],
  ["offered", 0.03],
  ["accepted", 0.05],
  ["declined", 0.02],
  ["rejected", 0.16],
  ["withdrawn", 0.06],
];
/** The steps an application went through to reach each status, and who made each. */
export const paths: Record<
  ApplicationStatus,
  ReadonlyArray<readonly [ApplicationStatus, "student" | "organisation"]>
> = {
  submitted: [],
  reviewing: [["reviewing", "organisation"]],
  shortlisted: [
    ["reviewing", "organisation"],
    ["shortlisted", "organisation"],
  ],
  interview: [
    ["reviewing", "organisation"],
    ["shortlisted", "organisation"],
    ["interview", "organisation"],
  ],
  offered: [
    ["reviewing", "organisation"],
    ["shortlisted", "organisation"],
    ["interview", "organisation"],
    ["offered", "organisation"],
  ],
  accepted: [
    ["reviewing", "organisation"],
    ["shortlisted", "organisation"],
    ["interview", "organisation"],
    ["offered", "organisation"],
    ["accepted", "student"],
  ],
  declined: [
    ["reviewing", "organisation"],
    ["offered", "organisation"],
    ["declined", "student"],
  ],
  rejected: [
    ["reviewing", "organisation"],
    ["rejected", "organisation"],
  ],
  withdrawn: [["withdrawn", "student"]],
};

/**
 * The demo data grown to a province: the demo's organisations, accounts and listings (so every demo sign-in still
 * works), then generated enterprises with an owner each, students, listings from the demo's templates (about
 * 80 % published), applications spread by a power law over the listings with realistic end states (offers and
 * acceptances only where positions are left), student bookings of visit sessions, the year's targets and one
 * placement round. Pure and deterministic for a given scale and seed.
 * @example generateProvinceData(seedScales.province).applications.length // 300000
 */
export function generateProvinceData(scale: SeedScale, seed = 2026): ProvinceData {
  const demo = generateDemoData(seed);
  const rng = createRandom(seed + 100);

  // Organisations: copies of the demo's verified enterprises under new ids, about 90 % verified.
  const templates = demo.organisations.filter((o) => o.kind === "enterprise" && o.verification === "verified");
  const organisations: DemoOrganisation[] = [...demo.organisations];
  const users: DemoUser[] = [...demo.users];
  const memberships: DemoMembership[] = [...demo.memberships];
  for (let i = organisations.length; i < scale.organisations; i++) {
    const template = templates[i % templates.length]!;
    const suffix = String(i).padStart(5, "0");
    const orgId = `dn-${suffix}`;
    const createdAt = at(-200 * day + rng.int(0, 150) * day);
    organisations.push({
      ...template,
      orgId,
      name: { vi: `${template.name.vi} ${suffix}`, en: `${template.name.en ?? template.name.vi} ${suffix}` },
      contactEmail: `tuyendung.${orgId}@ketnoi.example`,
      verification: rng.chance(0.9) ? "verified" : "pending",
      createdAt,
      updatedAt: createdAt,
      version: 2,
    });
    const userId = `u-${orgId}`;
    users.push({
      userId,
      email: `${userId}@ketnoi.example`,
      displayName: `Tuyển dụng ${suffix}`,
      role: "recruiter",
      demo: true,
      createdAt,
    });
    memberships.push({ orgId, userId, role: "owner", createdAt });
  }
  const orgById = new Map(organisations.map((o) => [o.orgId, o]));

  // Students: the demo's, then generated ones (the same generator, so the same spread of majors and skills).
  const extra = Math.max(0, scale.students - demo.students.length);
  const generatedWithNamed = generateStudents(createRandom(seed + 101), orgById, extra);
  const generated = generatedWithNamed.slice(generatedWithNamed.length - extra);
  // Seven in eight generated students had their enrolment confirmed by their school; the rest only declared it,
  // so they count in the province's totals but under no school (countedSchoolOf).
  const students = [
    ...demo.students,
    ...generated.map((s, i) => ({
      ...s.profile,
      userId: `p-${s.profile.userId}`,
      ...(i % 8 === 7
        ? {}
        : { confirmedUniversityId: s.profile.universityId, enrolmentConfirmedAt: s.profile.createdAt }),
    })),
  ];
  for (const s of generated) users.push({ ...s.user, userId: `p-${s.user.userId}`, email: `p-${s.user.email}` });

  // Listings: the demo's templates for generated verified organisations.
  const listingSeeds = [...hardwareListings, ...softwareListings, ...publicListings, ...communityListings];
  const hosts = organisations.filter((o) => o.orgId.startsWith("dn-") && o.verification === "verified");
  const listings: DemoListing[] = [...demo.listings];
  for (let i = listings.length; i < scale.listings; i++) {
    const template = listingSeeds[i % listingSeeds.length]!;
    const org = hosts[i % hosts.length]!;
    const base = listingItem(template, org, i % 120, rng);
    const roll = rng.next();
    const status = roll < 0.8 ? "published" : roll < 0.9 ? "draft" : "closed";
    const publishedAt = status === "draft" ? undefined : (base.publishedAt ?? at(Date.parse(base.createdAt) + hour));
    const { publishedAt: _p, ...rest } = base;
    listings.push({
      ...rest,
      listingId: `${base.listingId}-${String(i).padStart(5, "0")}`,
      status,
      ...(publishedAt ? { publishedAt } : {}),
      sortAt: publishedAt ?? base.createdAt,
      version: status === "draft" ? 1 : status === "published" ? 2 : 3,
    });
  }

  // Applications: to published or closed listings, popular ones far more often (a power law), one per pair.
  const open = listings.filter((l) => l.status !== "draft");
  const applications: ProvinceData["applications"] = [];
  const seen = new Set<string>();
  const reserved = new Map<string, number>();
  const accepted = new Map<string, number>();
  const applied = new Map<string, number>();
  const cumulative = new Float64Array(open.length);
  let total = 0;
  for (let l = 0; l < open.length; l++) {
    total += 1 / (l + 1) ** 0.7;
    cumulative[l] = total;
  }
  const draw = () => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = open.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return open[lo]!;
  };
  const pickOutcome = (): ApplicationStatus => {
    let x = rng.next();
    for (const [status, weight] of outcomes) {
      x -= weight;
      if (x < 0) return status;
    }
    return "submitted";
  };
  while (applications.length < scale.applications) {
    const listing = draw();
    const student = students[rng.int(0, students.length - 1)]!;
    const key = `${listing.listingId}/${student.userId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let status = pickOutcome();
    const held = reserved.get(listing.listingId) ?? 0;
    const holds = status === "offered" || status === "accepted";
    if (holds && listing.positions !== undefined && held >= listing.positions) status = "rejected";
    if (status === "offered" || status === "accepted") reserved.set(listing.listingId, held + 1);
    if (status === "accepted") accepted.set(listing.listingId, (accepted.get(listing.listingId) ?? 0) + 1);
    if (status !== "withdrawn") applied.set(listing.listingId, (applied.get(listing.listingId) ?? 0) + 1);
    const created = Date.parse(listing.publishedAt ?? listing.createdAt) + rng.int(1, 240) * hour;
    const history = [{ status: "submitted" as ApplicationStatus, at: new Date(created).toISOString(), by: "student" }];
    let t = created;
    for (const [step, by] of paths[status]) {
      t += rng.int(6, 96) * hour;
      history.push({ status: step, at: new Date(t).toISOString(), by });
    }
    applications.push({
      listingId: listing.listingId,
      studentId: student.userId,
      applicationId: `app-${String(applications.length).padStart(7, "0")}`,
      orgId: listing.orgId,
      status,
      answers: [],
      history: history as EntityItem<ApplicationEntity>["history"],
      ...(status === "rejected" ? { rejectionReason: "Hồ sơ chưa phù hợp với vị trí này." } : {}),
      createdAt: history[0]!.at,
      updatedAt: history.at(-1)!.at,
      version: history.length,
    });
  }
  for (const listing of listings) {
    const held = reserved.get(listing.listingId);
    if (held) {
      listing.reservedCount = held;
      listing.acceptedCount = accepted.get(listing.listingId) ?? 0;
    }
  }
  const listingDemand = [...new Set([...applied.keys(), ...reserved.keys()])].map((listingId) => ({
    listingId,
    applications: applied.get(listingId) ?? 0,
    filled: reserved.get(listingId) ?? 0,
  }));

  // Student bookings of visit sessions: a few per published visit's first session, within its seats.
  const bookings: ProvinceData["bookings"] = [];
  const sessionSeats: ProvinceData["sessionSeats"] = [];
  for (const listing of listings) {
    const session = listing.status === "published" ? listing.sessions?.[0] : undefined;
    if (!session) continue;
    const count = rng.int(0, Math.min(session.seats, 12));
    const holders = new Set<string>();
    for (let k = 0; k < count; k++) holders.add(students[rng.int(0, students.length - 1)]!.userId);
    for (const holder of holders) {
      const createdAt = at(rng.int(-20, 0) * day);
      bookings.push({
        listingId: listing.listingId,
        sessionId: session.id,
        holder,
        bookingId: `bk-${String(bookings.length).padStart(6, "0")}`,
        kind: "student",
        hostOrgId: listing.orgId,
        bookerUserId: holder,
        seats: 1,
        status: "confirmed",
        createdAt,
        updatedAt: createdAt,
      });
    }
    if (holders.size > 0)
      sessionSeats.push({ listingId: listing.listingId, sessionId: session.id, booked: holders.size });
  }

  // The province's targets for the year, per field, and one open province-wide placement round.
  const year = 2026;
  const targets = workforceFieldIds.map((field) => ({
    year,
    field,
    scopeId: provinceWide,
    counts: Object.fromEntries(targetMetrics.map((m) => [m, rng.int(50, 2_000)])) as Record<
      (typeof targetMetrics)[number],
      number
    >,
    version: 1,
    changedBy: "prov-khcn",
    changedAt: at(-60 * day),
  }));
  const roundListings = listings
    .filter((l) => l.status === "published" && l.type === "internship")
    .slice(0, 500)
    .map((l) => ({ listingId: l.listingId, capacity: l.positions ?? 5 }));
  const rounds = [
    {
      roundId: "round-province-2026",
      universityId: "province",
      universityIds: organisations.filter((o) => o.kind === "university").map((o) => o.orgId),
      title: "Xếp chỗ thực tập toàn tỉnh 2026",
      listings: roundListings,
      preferencesDeadline: "2027-01-15",
      status: "open" as const,
      seed: "province-2026",
      createdBy: "prov-khcn",
      createdAt: at(-10 * day),
      updatedAt: at(-10 * day),
      version: 1,
    },
  ];

  return {
    organisations,
    users,
    memberships,
    students,
    listings,
    applications,
    bookings,
    sessionSeats,
    listingDemand,
    targets,
    rounds: rounds as unknown as ProvinceData["rounds"],
  };
}
