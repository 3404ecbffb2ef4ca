import { confirmedSchoolOf } from "../policy";
import { type Cell, cellKey, currentBucket, noValue, yearMonthInVietnam } from "./cells";
import type { FieldOrOther } from "./fields";
import type { Metric } from "./metrics";
import { fieldOfSkill, fieldOfSkills } from "./skill-fields";

/**
 * What one source record adds to the aggregate counters: cell key → amount. The aggregator keeps, per record, the
 * contribution it last counted and applies the difference when the record (or what it depends on) changes;
 * reconciliation sums these same functions over every record. One definition, so both must agree.
 */
export type Contribution = Record<string, number>;

/** The listing fields the counters depend on. */
export interface ListingFacts {
  orgId: string;
  type: string;
  status: string;
  requiredSkills: readonly string[];
  communeId: string;
  industrialParkId?: string | undefined;
  publishedAt?: string | undefined;
  sessions?: ReadonlyArray<{ id: string; date: string }> | undefined;
}

/** The student-profile fields the counters depend on. */
export interface StudentFacts {
  universityId: string;
  /** Set by the school's staff (routes/enrolments.ts): only a confirmed school counts the student as its own. */
  confirmedUniversityId?: string | undefined;
  skills: ReadonlyArray<{ id: string }>;
  consents: { provinceStatistics: { granted: boolean } };
}

/** The application fields the counters depend on (stage dates come from `history`). */
export interface ApplicationFacts {
  status: string;
  createdAt: string;
  history: ReadonlyArray<{ status: string; at: string }>;
  /**
   * Only on a de-identified stub left by the retention of a not-hired applicant's data: the university the
   * student was counted under when the stub was unlinked from them. It stands for the student's facts, so the
   * counters keep what they counted; a stub of a student who was counted nowhere has none.
   */
  countedUniversityId?: string | undefined;
}

/** The booking fields the counters depend on. */
export interface BookingFacts {
  kind: string;
  status: string;
  seats: number;
  sessionId: string;
  createdAt: string;
  classOrgId?: string | undefined;
}

/**
 * The consent rule: a student is counted only when their profile grants the province-statistics purpose. Without
 * it (or without a profile, e.g. after erasure) they are counted nowhere, not even in totals.
 */
export function countsStudent(student: StudentFacts | undefined): student is StudentFacts {
  return student?.consents.provinceStatistics.granted === true;
}

const placementMetric: Record<string, Metric | undefined> = {
  internship: "internships",
  job: "jobs",
  training: "trainings",
};

type Where = Pick<Cell, "field" | "universityId" | "parkId" | "communeId" | "orgId">;

function whereOf(listing: ListingFacts, universityId: string): Where {
  return {
    field: fieldOfSkills(listing.requiredSkills),
    universityId,
    parkId: listing.industrialParkId ?? noValue,
    communeId: listing.communeId,
    orgId: listing.orgId,
  };
}

function add(into: Contribution, metric: Metric, at: string, where: Where, amount = 1): void {
  const { year, month } = yearMonthInVietnam(at);
  const key = cellKey({ bucket: String(year), metric, month, skillId: noValue, ...where });
  into[key] = (into[key] ?? 0) + amount;
}

function addSkill(into: Contribution, metric: Metric, skillId: string, field: FieldOrOther, who: Partial<Where>) {
  const key = cellKey({
    bucket: currentBucket,
    metric,
    month: 0,
    field,
    universityId: who.universityId ?? noValue,
    parkId: noValue,
    communeId: noValue,
    orgId: who.orgId ?? noValue,
    skillId,
  });
  into[key] = (into[key] ?? 0) + 1;
}

/** A listing counts once as published (in the month of `publishedAt`) and, while published, adds demand per skill. */
export function listingContribution(listing: ListingFacts | undefined): Contribution {
  const out: Contribution = {};
  if (!listing) return out;
  if (listing.publishedAt) add(out, "published", listing.publishedAt, whereOf(listing, noValue));
  if (listing.status === "published") {
    for (const skill of new Set(listing.requiredSkills)) {
      addSkill(out, "demand", skill, fieldOfSkill(skill), { orgId: listing.orgId });
    }
  }
  return out;
}

/**
 * The school a counted student is counted under: the one that confirmed their enrolment (`confirmedSchoolOf`), else
 * none (`noValue`, shown as "school not confirmed") — a declared school does not get a student it did not confirm
 * in its numbers, though the student still counts in the province's totals.
 * @example countedSchoolOf({ universityId: "lhu", confirmedUniversityId: undefined, … }) // "-"
 */
export function countedSchoolOf(student: StudentFacts): string {
  return confirmedSchoolOf(student) ?? noValue;
}

/** A consenting student adds supply for each of their skills, under their university. */
export function studentContribution(student: StudentFacts | undefined): Contribution {
  const out: Contribution = {};
  if (!countsStudent(student)) return out;
  for (const skill of new Set(student.skills.map((s) => s.id))) {
    addSkill(out, "supply", skill, fieldOfSkill(skill), { universityId: countedSchoolOf(student) });
  }
  return out;
}

/**
 * An application of a consenting student counts in the funnel at each stage it reached, in the month it reached
 * it (applied, offered, accepted), and an accepted one also counts as a placement for its listing's type. A
 * retention stub counts under the university it carries (`countedUniversityId`), as its student did.
 */
export function applicationContribution(
  application: ApplicationFacts | undefined,
  listing: ListingFacts | undefined,
  student: StudentFacts | undefined,
): Contribution {
  const out: Contribution = {};
  const universityId =
    application?.countedUniversityId ?? (countsStudent(student) ? countedSchoolOf(student) : undefined);
  if (!application || !listing || universityId === undefined) return out;
  const where = whereOf(listing, universityId);
  add(out, "applied", application.createdAt, where);
  const offered = application.history.find((step) => step.status === "offered");
  if (offered) add(out, "offered", offered.at, where);
  const accepted = application.history.find((step) => step.status === "accepted");
  if (accepted && application.status === "accepted") {
    add(out, "accepted", accepted.at, where);
    const metric = placementMetric[listing.type];
    if (metric) add(out, metric, accepted.at, where);
  }
  return out;
}

/**
 * A confirmed booking of a visit counts its seats as visit participants in the month of the session. A student's
 * own seat needs their consent; a class booked by its school counts under that school, with no individual data.
 */
export function bookingContribution(
  booking: BookingFacts | undefined,
  listing: ListingFacts | undefined,
  student: StudentFacts | undefined,
): Contribution {
  const out: Contribution = {};
  if (booking?.status !== "confirmed" || listing?.type !== "visit") return out;
  let universityId: string;
  if (booking.kind === "class") universityId = booking.classOrgId ?? noValue;
  else if (countsStudent(student)) universityId = countedSchoolOf(student);
  else return out;
  const date = listing.sessions?.find((s) => s.id === booking.sessionId)?.date ?? booking.createdAt;
  add(out, "visits", date, whereOf(listing, universityId), booking.seats);
  return out;
}

/**
 * The changes that turn `before` into `after`, without zeros.
 * @example contributionDelta({ a: 1, b: 2 }, { b: 3, c: 1 }) // { a: -1, b: 1, c: 1 }
 */
export function contributionDelta(before: Contribution, after: Contribution): Contribution {
  const delta: Contribution = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const change = (after[key] ?? 0) - (before[key] ?? 0);
    if (change !== 0) delta[key] = change;
  }
  return delta;
}
