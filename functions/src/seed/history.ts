import {
  type ApplicationStatus,
  applicationContribution,
  bookingContribution,
  parseCellKey,
  type TargetMetric,
  targetMetrics,
  type WorkforceField,
  workforceFieldIds,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import { provinceWide } from "../data/targets";
import type { ApplicationEntity } from "../db/entities/application";
import type { TargetEntity, TargetVersionEntity } from "../db/entities/target";
import { addDays, hour } from "./clock";
import type { DemoData, DemoListing } from "./demo-data";
import { type ProvinceData, paths } from "./province-data";
import { createRandom, type Random } from "./random";

/** The years of history the demo carries: three whole years and the current one up to the demo's base date. */
export const historyYears = [2023, 2024, 2025, 2026] as const;

/** Earlier seasons of the demo's organisations: closed listings with their applicants, bookings and targets. */
export type DemoHistory = Pick<ProvinceData, "applications" | "bookings" | "sessionSeats" | "listingDemand"> & {
  listings: DemoListing[];
  targets: EntityItem<TargetEntity>[];
  targetVersions: EntityItem<TargetVersionEntity>[];
};

// The share of the demo's listing templates each year's season ran, growing as the platform caught on.
const seasonShare: Record<(typeof historyYears)[number], number> = { 2023: 0.35, 2024: 0.45, 2025: 0.55, 2026: 0.65 };
// How far each year got toward its targets: whole years near them, the current one (to August) about two thirds.
const reached: Record<(typeof historyYears)[number], readonly [number, number]> = {
  2023: [0.8, 1.05],
  2024: [0.85, 1.1],
  2025: [0.75, 1.0],
  2026: [0.55, 0.75],
};
// The end states of a closed season's applications (everything was decided before the listing closed).
const finalOutcomes: ReadonlyArray<readonly [ApplicationStatus, number]> = [
  ["accepted", 0.4],
  ["rejected", 0.38],
  ["declined", 0.08],
  ["withdrawn", 0.14],
];
const visitSchools = ["lhu", "dnu", "dntu"] as const;

const iso = (date: string, time = "02:00") => new Date(`${date}T${time}:00.000Z`).toISOString();

function pickOutcome(rng: Random): ApplicationStatus {
  let x = rng.next();
  for (const [status, weight] of finalOutcomes) {
    x -= weight;
    if (x < 0) return status;
  }
  return "rejected";
}

/** A demo listing as it ran in an earlier season: closed, its dates (and sessions) moved into that year. */
function pastListing(listing: DemoListing, year: number, rng: Random): DemoListing {
  // The 2026 season ends before the demo's base date (2026-09-01), so it is over, as the other years are.
  const month = rng.int(1, year === 2026 ? 3 : 5);
  const published = `${year}-${String(month).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  const created = iso(addDays(published, -rng.int(1, 10)));
  const deadline = addDays(published, rng.int(30, 60));
  type Session = NonNullable<DemoListing["sessions"]>[number];
  const sessions = listing.sessions?.map((session: Session, i: number) => ({
    ...session,
    date: addDays(deadline, 7 + 14 * i),
  }));
  const closed = iso(addDays(sessions?.at(-1)?.date ?? deadline, 20));
  return {
    ...listing,
    listingId: `${listing.listingId}-${year}`,
    title: {
      vi: `${listing.title.vi} (mùa ${year})`,
      ...(listing.title.en ? { en: `${listing.title.en} (${year} season)` } : {}),
    },
    deadline,
    ...(sessions ? { sessions } : {}),
    status: "closed",
    publishedAt: iso(published),
    sortAt: iso(published),
    createdAt: created,
    updatedAt: closed,
    version: 3,
  };
}

/** No history: the current demo alone. */
export function emptyHistory(): DemoHistory {
  return {
    listings: [],
    applications: [],
    bookings: [],
    sessionSeats: [],
    listingDemand: [],
    targets: [],
    targetVersions: [],
  };
}

/**
 * Several years of history for the demo (2023 to August 2026): each year's season re-runs a growing share of the
 * demo's listing templates as closed listings, with generated students' applications decided to their end states
 * (placements within positions), student and class bookings of visit sessions, and the province's and three
 * schools' targets per field, set so each year shows real progress (about 80–110 % for whole years, two thirds
 * for the current one). The named demo students take no part, so their own journeys start clean; current
 * listings get no applications. Pure and deterministic.
 * @example generateDemoHistory(generateDemoData()).targets.some((t) => t.year === 2026) // true
 */
export function generateDemoHistory(demo: DemoData, seed = 2026): DemoHistory {
  const rng = createRandom(seed + 3);
  const orgs = new Map(demo.organisations.map((o) => [o.orgId, o]));
  const templates = demo.listings.filter(
    (l) => l.status !== "draft" && orgs.get(l.orgId)?.verification === "verified" && l.type !== "event",
  );
  const students = demo.students.filter((s) => s.userId.startsWith("u-sv-"));
  const schoolStaff = new Map(
    demo.memberships.filter((m) => m.role === "owner").map((m) => [m.orgId, m.userId] as const),
  );

  const history = emptyHistory();
  for (const year of historyYears) {
    const season = templates.filter(() => rng.chance(seasonShare[year]));
    for (const template of season) {
      const listing = pastListing(template, year, rng);
      history.listings.push(listing);
      if (listing.type === "visit") addBookings(history, listing, students, schoolStaff, rng);
      else addApplications(history, listing, students, rng);
    }
  }
  addTargets(history, demo, rng);
  return history;
}

function addApplications(history: DemoHistory, listing: DemoListing, students: DemoData["students"], rng: Random) {
  const applicants = rng.sample(students, rng.int(6, 16));
  // A closed season holds only acceptances (declined offers gave their place back), within the positions.
  let accepted = 0;
  let open = 0;
  for (const student of applicants) {
    let status = pickOutcome(rng);
    if (status === "accepted" && listing.positions !== undefined && accepted >= listing.positions) status = "rejected";
    if (status === "accepted") accepted++;
    if (status !== "withdrawn") open++;
    const submitted = Date.parse(listing.publishedAt!) + rng.int(6, 24 * 25) * hour;
    const steps = [{ status: "submitted" as ApplicationStatus, at: new Date(submitted).toISOString(), by: "student" }];
    let t = submitted;
    for (const [step, by] of paths[status]) {
      t += rng.int(12, 120) * hour;
      steps.push({ status: step, at: new Date(t).toISOString(), by });
    }
    history.applications.push({
      listingId: listing.listingId,
      studentId: student.userId,
      applicationId: `app-h-${String(history.applications.length).padStart(5, "0")}`,
      orgId: listing.orgId,
      status,
      answers: [],
      history: steps as EntityItem<ApplicationEntity>["history"],
      ...(status === "rejected" ? { rejectionReason: "Vị trí đã đủ người cho mùa này." } : {}),
      createdAt: steps[0]!.at,
      updatedAt: steps.at(-1)!.at,
      version: steps.length,
    });
  }
  if (accepted > 0) {
    listing.reservedCount = accepted;
    listing.acceptedCount = accepted;
  }
  if (open > 0) history.listingDemand.push({ listingId: listing.listingId, applications: open, filled: accepted });
}

/** Students book their own seats and schools bring classes, within each session's seats. */
function addBookings(
  history: DemoHistory,
  listing: DemoListing,
  students: DemoData["students"],
  schoolStaff: ReadonlyMap<string, string>,
  rng: Random,
) {
  for (const session of listing.sessions ?? []) {
    let booked = 0;
    const at = iso(addDays(session.date, -rng.int(3, 20)));
    const school = rng.pick(visitSchools);
    const classSeats = Math.min(session.seats - 5, rng.int(12, 25));
    if (classSeats > 0 && rng.chance(0.7)) {
      const bookingId = `bk-h-${String(history.bookings.length).padStart(5, "0")}`;
      history.bookings.push({
        listingId: listing.listingId,
        sessionId: session.id,
        holder: `class-${bookingId}`,
        bookingId,
        kind: "class",
        hostOrgId: listing.orgId,
        bookerUserId: schoolStaff.get(school) ?? `u-${school}`,
        classOrgId: school,
        classLabel: `Lớp ${rng.pick(["Kỹ thuật phần mềm", "Điện tử", "Tự động hóa", "Hệ thống thông tin"])} K${listing.deadline.slice(2, 4)}`,
        seats: classSeats,
        status: "confirmed",
        createdAt: at,
        updatedAt: at,
      });
      booked += classSeats;
    }
    for (const student of rng.sample(students, Math.min(session.seats - booked, rng.int(2, 6)))) {
      history.bookings.push({
        listingId: listing.listingId,
        sessionId: session.id,
        holder: student.userId,
        bookingId: `bk-h-${String(history.bookings.length).padStart(5, "0")}`,
        kind: "student",
        hostOrgId: listing.orgId,
        bookerUserId: student.userId,
        seats: 1,
        status: "confirmed",
        createdAt: at,
        updatedAt: at,
      });
      booked++;
    }
    if (booked > 0) history.sessionSeats.push({ listingId: listing.listingId, sessionId: session.id, booked });
  }
}

/**
 * The year's targets per field, province-wide and for the three visit schools, from what the year actually
 * reached (true counts through the dashboard's own contribution functions) divided by how far it got, rounded to
 * a planner's numbers.
 */
function addTargets(history: DemoHistory, demo: DemoData, rng: Random) {
  const listings = new Map(history.listings.map((l) => [l.listingId, l]));
  const students = new Map(demo.students.map((s) => [s.userId, s]));
  const actual = new Map<string, number>();
  const count = (contribution: Record<string, number>) => {
    for (const [key, n] of Object.entries(contribution)) {
      const cell = parseCellKey(key);
      if (!(targetMetrics as readonly string[]).includes(cell.metric)) continue;
      for (const scope of [provinceWide, cell.universityId]) {
        const at = `${cell.bucket}|${cell.field}|${scope}|${cell.metric}`;
        actual.set(at, (actual.get(at) ?? 0) + n);
      }
    }
  };
  for (const a of history.applications) {
    count(applicationContribution(a, listings.get(a.listingId), students.get(a.studentId)));
  }
  for (const b of history.bookings) {
    const student = b.kind === "student" ? students.get(b.bookerUserId) : undefined;
    count(bookingContribution(b, listings.get(b.listingId), student));
  }
  // Nothing reached, nothing planned; small numbers as they are, larger ones to the nearest five.
  const planned = (n: number, share: number) =>
    n === 0 ? 0 : n / share < 40 ? Math.ceil(n / share) : Math.round(n / share / 5) * 5;
  for (const year of historyYears) {
    const [low, high] = reached[year];
    const changedAt = iso(`${year}-01-1${rng.int(0, 9)}`);
    for (const scope of [provinceWide, ...visitSchools]) {
      for (const field of workforceFieldIds as readonly WorkforceField[]) {
        const of = (metric: TargetMetric) => actual.get(`${year}|${field}|${scope}|${metric}`) ?? 0;
        if (scope !== provinceWide && targetMetrics.every((m) => of(m) === 0)) continue;
        const counts = Object.fromEntries(
          targetMetrics.map((m) => [m, planned(of(m), low + (high - low) * rng.next())]),
        ) as Record<TargetMetric, number>;
        const target = { year, field, scopeId: scope, counts, version: 1, changedBy: "prov-khcn", changedAt };
        history.targets.push(target);
        history.targetVersions.push({ ...target });
      }
    }
  }
}
