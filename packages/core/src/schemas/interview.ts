import * as v from "valibot";
import { communes } from "../places";
import { vietnamInstant } from "../time";
import { IdSchema, IntegerSchema, IsoTimestampSchema, maxVersion, UrlSchema, VersionSchema } from "./common";

/** At most this many slots in one proposal: enough choice, few enough to keep every slot honestly free. */
export const maxInterviewSlots = 5;
/** Interviews last between 15 minutes and 4 hours (a half-day assessment centre is the longest we have seen). */
export const interviewDurationLimits = { min: 15, max: 240 } as const;
/** How far ahead a slot may be: an internship interview a year out is a typo, not a plan. */
const maxDaysAhead = 180;

const NoteSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000));
const ReasonSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000));

export const interviewModes = ["in_person", "online"] as const;
export type InterviewMode = (typeof interviewModes)[number];

/**
 * Where an interview stands. `proposed`: slots offered, the student chooses; `change_requested`: the student asked
 * for other times; `scheduled`: one slot taken; `cancelled`: final (a new proposal starts a new interview).
 */
export const interviewStatuses = ["proposed", "change_requested", "scheduled", "cancelled"] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

/** One slot as a member types it: a Vietnamese calendar day and local start time, and a duration in minutes. */
export const InterviewSlotInputSchema = v.strictObject({
  date: v.pipe(v.string(), v.isoDate()),
  startTime: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ dạng HH:MM")),
  durationMinutes: IntegerSchema(interviewDurationLimits.min, interviewDurationLimits.max),
});
export type InterviewSlotInput = v.InferOutput<typeof InterviewSlotInputSchema>;

/** The instant a typed slot starts (Vietnam time, UTC+7). */
export function slotStart(slot: { date: string; startTime: string }): number {
  return vietnamInstant(slot.date, slot.startTime);
}

/**
 * Problems with a set of slots at `now`: every slot in the future (at most 180 days ahead), and no two overlapping
 * (one interviewer cannot be in two interviews at once, so 09:00–10:00 and 09:30–10:30 are refused; back to back,
 * 09:00–09:45 then 09:45, is fine).
 */
export function slotProblems(slots: readonly InterviewSlotInput[], now: Date): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  slots.forEach((slot, index) => {
    const start = slotStart(slot);
    const end = start + (Number(slot.durationMinutes) || 0) * 60_000;
    if (!(start > now.getTime())) {
      problems.push({ path: `slots.${index}.date`, message: "Khung giờ phải ở tương lai." });
    } else if (start > now.getTime() + maxDaysAhead * 86_400_000) {
      problems.push({ path: `slots.${index}.date`, message: `Khung giờ chỉ trong vòng ${maxDaysAhead} ngày tới.` });
    }
    if (spans.some((s) => s.start === start || (start < s.end && s.start < end))) {
      problems.push({ path: `slots.${index}.startTime`, message: "Hai khung giờ trùng hoặc chồng lên nhau." });
    }
    spans.push({ start, end });
  });
  return problems;
}

/** The grid of interview slot locks: a taken slot holds every 5-minute block it touches (data/interviews.ts). */
export const slotLockMinutes = 5;

/**
 * The lock blocks a slot holds, as ISO instants of their starts: two slots of one listing overlap exactly when they
 * share a block (on the 5-minute grid; slots that merely come within the same 5 minutes also meet, a turnaround
 * no interviewer would plan anyway). 15–240 minutes make 3–49 blocks, within a DynamoDB transaction's 100 items.
 * @example slotLockBlocks("2027-01-04T02:00:00.000Z", 15) // ["…T02:00:00.000Z", "…T02:05:00.000Z", "…T02:10:00.000Z"]
 */
export function slotLockBlocks(startsAt: string, durationMinutes: number): string[] {
  const block = slotLockMinutes * 60_000;
  const start = Date.parse(startsAt);
  const first = Math.floor(start / block) * block;
  const end = start + durationMinutes * 60_000;
  const blocks: string[] = [];
  for (let at = first; at < end; at += block) blocks.push(new Date(at).toISOString());
  return blocks;
}

const communeIds = communes.map((c) => c.id) as [string, ...string[]];

const proposalEntries = {
  slots: v.pipe(v.array(InterviewSlotInputSchema), v.minLength(1), v.maxLength(maxInterviewSlots)),
  mode: v.picklist(interviewModes),
  /** In person: a commune of Đồng Nai and the street address. */
  communeId: v.optional(v.picklist(communeIds)),
  address: v.optional(v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(300))),
  /** Online: the meeting link (https only). */
  link: v.optional(UrlSchema),
  note: v.optional(NoteSchema),
};

interface ProposalShape {
  mode: InterviewMode;
  communeId?: string | undefined;
  address?: string | undefined;
  link?: string | undefined;
  slots: InterviewSlotInput[];
}

// The place rule and the time rule, shared by a first proposal and a reschedule. The time rule reads the clock
// when the body is validated, so the API and the web form (which also shows slotProblems per slot) agree.
const placeRule = (p: ProposalShape) =>
  p.mode !== "in_person" || (p.communeId !== undefined && p.address !== undefined);
const placeMessage = "Phỏng vấn trực tiếp cần địa chỉ ở Đồng Nai (xã/phường và số nhà, đường).";
const linkRule = (p: ProposalShape) => p.mode !== "online" || p.link !== undefined;
const linkMessage = "Phỏng vấn trực tuyến cần đường dẫn https.";
const slotsRule = (p: ProposalShape) => slotProblems(p.slots, new Date()).length === 0;
const slotsMessage = `Mỗi khung giờ phải ở tương lai (trong vòng ${maxDaysAhead} ngày) và không trùng hoặc chồng lên nhau.`;

/** Body of POST /api/applications/:id/interview: a member proposes 1–5 slots, a place or a link, a note. */
export const InterviewProposeSchema = v.pipe(
  v.strictObject(proposalEntries),
  v.forward(
    v.check((p) => placeRule(p), placeMessage),
    ["address"],
  ),
  v.forward(
    v.check((p) => linkRule(p), linkMessage),
    ["link"],
  ),
  v.forward(
    v.check((p) => slotsRule(p), slotsMessage),
    ["slots"],
  ),
);
export type InterviewPropose = v.InferOutput<typeof InterviewProposeSchema>;

/** Body of POST …/interview/reschedule: new slots (as a proposal), why, and the interview version last read. */
export const InterviewRescheduleSchema = v.pipe(
  v.strictObject({ ...proposalEntries, reason: ReasonSchema, version: VersionSchema }),
  v.forward(
    v.check((p) => placeRule(p), placeMessage),
    ["address"],
  ),
  v.forward(
    v.check((p) => linkRule(p), linkMessage),
    ["link"],
  ),
  v.forward(
    v.check((p) => slotsRule(p), slotsMessage),
    ["slots"],
  ),
);
export type InterviewReschedule = v.InferOutput<typeof InterviewRescheduleSchema>;

/** Body of POST …/interview/pick: the student takes one proposed slot. */
export const InterviewPickSchema = v.strictObject({ slotId: IdSchema, version: VersionSchema });

/** Body of POST …/interview/request-change: the student asks for other times (also after picking one). */
export const InterviewRequestChangeSchema = v.strictObject({ note: NoteSchema, version: VersionSchema });

/** Body of POST …/interview/cancel: either side, with a reason the other side reads. */
export const InterviewCancelSchema = v.strictObject({ reason: ReasonSchema, version: VersionSchema });

/** A slot as stored and answered: its id, start instant (UTC ISO) and duration. */
export const InterviewSlotSchema = v.object({
  id: IdSchema,
  startsAt: IsoTimestampSchema,
  durationMinutes: IntegerSchema(interviewDurationLimits.min, interviewDurationLimits.max),
});
export type InterviewSlot = v.InferOutput<typeof InterviewSlotSchema>;

export const interviewEventKinds = ["proposed", "picked", "change_requested", "rescheduled", "cancelled"] as const;
export type InterviewEventKind = (typeof interviewEventKinds)[number];

/** One change of an interview, for the application's timeline. */
export const InterviewEventSchema = v.object({
  kind: v.picklist(interviewEventKinds),
  at: IsoTimestampSchema,
  by: v.picklist(["organisation", "student"]),
  /** The reason or note given with the change. */
  note: v.optional(v.string()),
  /** The slot taken (picked). */
  startsAt: v.optional(IsoTimestampSchema),
});
export type InterviewEvent = v.InferOutput<typeof InterviewEventSchema>;

/** An application's interview, as both sides see it. `sequence` grows with each change (the .ics SEQUENCE). */
export const InterviewSchema = v.object({
  id: IdSchema,
  applicationId: IdSchema,
  listingId: IdSchema,
  status: v.picklist(interviewStatuses),
  slots: v.array(InterviewSlotSchema),
  chosenSlotId: v.optional(IdSchema),
  mode: v.picklist(interviewModes),
  communeId: v.optional(v.string()),
  address: v.optional(v.string()),
  link: v.optional(v.string()),
  note: v.optional(v.string()),
  history: v.array(InterviewEventSchema),
  sequence: IntegerSchema(0, maxVersion),
  version: VersionSchema,
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
});
export type Interview = v.InferOutput<typeof InterviewSchema>;

/** GET /api/listings/:id/interviews: the interviews of a listing's applicants (the board's badges). */
export const InterviewListSchema = v.object({ items: v.array(InterviewSchema) });
