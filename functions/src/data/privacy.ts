import { randomUUID } from "node:crypto";
import { type ErasureReceipt, normaliseEmail, type PersonalDataExport } from "@ketnoi/core";
import { liteEntity } from "../db/lite";
import { entityModels } from "../db/lite-models";
import { transactWrite } from "../db/lite-transact";
import { deleteMany, liteWrites, send, type WriteItem, whereEquals } from "../db/lite-writes";
import type { defineModel } from "../db/models/define";
import { AppError } from "../http/errors";
import { deleteApplicantNotes } from "./applicant-notes";
import { guard } from "./guard";
import { noteDemandChange } from "./listing-demand";
import { erasePlacementData, type PreferenceItem, placementOutcomesOf } from "./placement/privacy";
import { transactWithRetry } from "./transact";
import { getUser, type User } from "./users";

/**
 * Attributes that hold the data subject's identity. A record type with one of them holds personal data; an index
 * whose partition key is one of them finds a person's records of that type without a scan. A new attribute
 * naming a person (e.g. `reviewerUserId`) must be added here: privacy.test.ts fails until it is.
 */
// `authorUserId`: who wrote a message in an application's thread (the student, or a member of the organisation).
export const subjectIdAttributes = ["userId", "studentId", "bookerUserId", "authorUserId"] as const;
export const subjectEmailAttributes = ["email"] as const;
const subjectAttributes: readonly string[] = [...subjectIdAttributes, ...subjectEmailAttributes];

type Item = Record<string, unknown>;
type Bilingual = { vi: string; en: string };
interface IndexSpec {
  index?: string;
  pk: { composite: readonly string[] };
  sk?: { composite: readonly string[] };
}
/**
 * One record type as this module uses it generically, whatever the entity: its declaration, read and written over
 * the lite data path (db/lite.ts, issue 14), so export and erasure run without ElectroDB in the account function.
 */
interface EntityView {
  schema: { attributes: Record<string, unknown>; indexes: Record<string, IndexSpec> };
  model: ReturnType<typeof defineModel>;
  read: ReturnType<typeof liteEntity>;
  writes: ReturnType<typeof liteWrites>;
}

/** How one record type is found for a person: by its own index on an identity attribute, or through another. */
export interface SectionPlan {
  section: string;
  /** Access patterns (index names) queried, each with the attribute its partition key is made of. */
  lookups: Array<{ accessPattern: string; attribute: string }>;
  /** True when the attribute is not the person's id but a key collected from other sections (e.g. savedSearchId). */
  indirect: boolean;
}

let views: Array<[string, EntityView]> | undefined;

/** Every record type, by the name `db().entities` gives it (db/lite-models.ts), in the same order. */
function entityViews(): Array<[string, EntityView]> {
  views ??= Object.entries(entityModels).map(([name, model]) => [
    name,
    {
      schema: { attributes: model.attributes, indexes: model.indexes as unknown as Record<string, IndexSpec> },
      model,
      read: liteEntity(model),
      writes: liteWrites(model),
    },
  ]);
  return views;
}

const viewOf = (section: string) => entityViews().find(([name]) => name === section)![1];

const personalAttributesOf = (entity: EntityView) =>
  Object.keys(entity.schema.attributes).filter((a) => subjectAttributes.includes(a));

const singleKeyIndexes = (entity: EntityView) =>
  Object.entries(entity.schema.indexes).flatMap(([accessPattern, spec]) =>
    spec.pk.composite.length === 1 ? [{ accessPattern, attribute: spec.pk.composite[0]! }] : [],
  );

/**
 * Where each record type holding personal data is found. Types whose records name a person but have no index
 * on an identity attribute are reached through a key another section holds (a saved search's alerts through the
 * saved search's id). `unreachable` lists any type that can be found neither way: it must stay empty.
 */
export function personalDataPlan(): { sections: SectionPlan[]; unreachable: string[] } {
  const personal = entityViews().filter(([, entity]) => personalAttributesOf(entity).length > 0);
  const sections: SectionPlan[] = [];
  const pending: Array<[string, EntityView]> = [];
  for (const [section, entity] of personal) {
    const lookups = singleKeyIndexes(entity).filter((l) => subjectAttributes.includes(l.attribute));
    if (lookups.length > 0) sections.push({ section, lookups, indirect: false });
    else pending.push([section, entity]);
  }
  const bySection = new Map(personal);
  const heldKeys = new Set(sections.flatMap((s) => Object.keys(bySection.get(s.section)!.schema.attributes)));
  const unreachable: string[] = [];
  for (const [section, entity] of pending) {
    const lookups = singleKeyIndexes(entity).filter((l) => heldKeys.has(l.attribute));
    if (lookups.length > 0) sections.push({ section, lookups: lookups.slice(0, 1), indirect: true });
    else unreachable.push(section);
  }
  return { sections, unreachable };
}

/** Whether a record is the person's: one of its identity attributes names them (e-mail only if it has no id). */
function belongsTo(entity: EntityView, item: Item, userId: string, email: string): boolean {
  const ids = subjectIdAttributes.filter((a) => a in entity.schema.attributes && item[a] !== undefined);
  if (ids.some((a) => item[a] === userId)) return true;
  return ids.length === 0 && typeof item.email === "string" && email !== "" && normaliseEmail(item.email) === email;
}

/** The primary-key attributes of a record (to delete or replace it). */
function primaryKeyOf(entity: EntityView, item: Item): Item {
  const primary = Object.values(entity.schema.indexes).find((spec) => !spec.index)!;
  const names = [...primary.pk.composite, ...(primary.sk?.composite ?? [])];
  return Object.fromEntries(names.map((n) => [n, item[n]]));
}

/** Every record of every section, read through the plan. */
async function collect(userId: string, email: string): Promise<Map<string, { entity: EntityView; items: Item[] }>> {
  const entities = Object.fromEntries(entityViews());
  const found = new Map<string, { entity: EntityView; items: Item[] }>();
  const { sections, unreachable } = personalDataPlan();
  if (unreachable.length > 0) throw new Error(`No way to find personal data in: ${unreachable.join(", ")}`);
  for (const plan of sections) {
    const entity = entities[plan.section]!;
    const reads = plan.lookups.flatMap(({ accessPattern, attribute }) => {
      const values = plan.indirect
        ? [...new Set([...found.values()].flatMap((s) => s.items.map((i) => i[attribute])).filter((v) => v))]
        : [subjectEmailAttributes.includes(attribute as "email") ? email : userId];
      return values
        .filter((value) => value !== "")
        .map((value) => guard(() => entity.read.query(accessPattern, { [attribute]: value }) as Promise<Item[]>));
    });
    const unique = new Map<string, Item>();
    for (const data of await Promise.all(reads)) {
      for (const item of data.filter((i) => belongsTo(entity, i, userId, email))) {
        unique.set(JSON.stringify(primaryKeyOf(entity, item)), item);
      }
    }
    found.set(plan.section, { entity, items: [...unique.values()] });
  }
  return found;
}

/**
 * Everything stored about a person, one section per record type (every type holding personal data, even when
 * empty, so the reader sees what was looked for).
 */
export async function exportPersonalData(userId: string, email: string): Promise<PersonalDataExport> {
  const found = await collect(userId, normaliseEmail(email));
  return {
    format: "ketnoi-personal-data/1",
    exportedAt: new Date().toISOString(),
    userId,
    sections: {
      ...Object.fromEntries([...found].map(([section, { items }]) => [section, items])),
      // Not a record type of its own: where the student stands in each round they ranked (data/placement/privacy.ts).
      placementOutcome: (await placementOutcomesOf(
        userId,
        (found.get("placementPreference")?.items ?? []).map((p) => String(p.roundId)),
      )) as unknown as Item[],
    },
    notes: exportNotes,
  };
}

const exportNotes: Bilingual[] = [
  {
    vi: "Mục cvFile liệt kê các CV bạn đã tải lên; downloadUrl là đường dẫn tải tệp, chỉ dùng được trong 24 giờ. Mục fileAccess ghi mỗi lần thành viên của một tổ chức tải CV của bạn (ai, tổ chức nào, hồ sơ nào, lúc nào).",
    en: "cvFile lists the CV files you uploaded; downloadUrl downloads the file and works for 24 hours. fileAccess records each time a member of an organisation downloaded your CV (who, which organisation, which application, when).",
  },
  {
    vi: "Mục student.consents ghi quyết định hiện tại cho từng mục đích và thời điểm bạn đưa ra quyết định đó; các quyết định trước đó không được lưu.",
    en: "student.consents holds your current decision for each purpose and the time you made it; earlier decisions are not stored.",
  },
  {
    vi: "Thông báo tự xóa sau 180 ngày, lời mời sau 14 ngày (expiresAt, giây kể từ 1970).",
    en: "Notifications are deleted after 180 days and invitations after 14 days (expiresAt, seconds since 1970).",
  },
];

/**
 * The signed-in person's user record, or undefined if none was stored; 404 once the account was erased, so an
 * erased student's token no longer reads, exports or recreates anything.
 */
export async function requireNotErased(userId: string): Promise<User | undefined> {
  const user = await getUser(userId);
  if (user?.erasedAt) throw new AppError("not_found", "Tài khoản này đã bị xóa.");
  return user;
}

/**
 * What erasure does with one record type: delete it, keep it with the person's identity removed, or hand the
 * records to their module (`custom`) when erasing them also changes other records (a placement round's result).
 */
export type ErasureRule =
  | { action: "delete" }
  | {
      action: "anonymise";
      reason: Bilingual;
      anonymise: (item: Item, userId: string, at: string) => Item;
      /** Counters the erasure of this record changes, written in the same transaction as its anonymised copy. */
      counters?: (item: Item) => CounterChange[];
    }
  | {
      action: "custom";
      reason: Bilingual;
      erase: (items: Item[], userId: string, at: string) => Promise<{ deleted: number; kept: number }>;
    };

/** An ADD to a counter item of another entity, e.g. a listing's demand. */
export interface CounterChange {
  entity: "listingDemand";
  key: Item;
  add: Record<string, number>;
}

/** A fresh id that stands where a person's id was; random per record, so kept records cannot be linked. */
const tombstoneId = () => `erased-${randomUUID()}`;
const replaceId = (value: unknown, userId: string) => (value === userId ? tombstoneId() : value);

/**
 * One rule per record type holding personal data (privacy.test.ts checks none is missing). What is kept, and why,
 * is explained in docs/privacy.md.
 */
export const erasureRules: Record<string, ErasureRule> = {
  user: {
    action: "anonymise",
    reason: {
      vi: "Giữ bản ghi tài khoản không tên, không e-mail (chỉ mã, vai trò, ngày) làm bằng chứng đã xóa và để phiên đăng nhập cũ không tạo lại hồ sơ.",
      en: "The account record is kept without name or e-mail (only id, role and dates) as proof of the erasure, and so the old sign-in cannot recreate a profile.",
    },
    anonymise: (item, _userId, at) => ({ ...item, email: "", displayName: "", demo: false, erasedAt: at }),
  },
  student: { action: "delete" },
  membership: { action: "delete" },
  notification: { action: "delete" },
  invitation: { action: "delete" },
  savedSearch: { action: "delete" },
  searchAlert: { action: "delete" },
  // Stored responses to retried writes (functions/src/http/idempotency.ts); they would expire within 24 hours.
  idempotency: { action: "delete" },
  candidateInvite: { action: "delete" },
  // CV files: the records go here, their objects follow from the stream (effects/files.ts).
  cvFile: { action: "delete" },
  // Who downloaded the student's CV: kept for the student only, so erased with them.
  fileAccess: { action: "delete" },
  // Mail (functions/src/mail): the preferences, the notices waiting for a digest (the digest job also drops those
  // of an erased account), and a bounce suppression of the address.
  mailPreference: { action: "delete" },
  mailDigestEntry: { action: "delete" },
  mailSuppression: { action: "delete" },
  placementPreference: {
    action: "custom",
    reason: {
      vi: "Trong đợt phân bổ đã chạy, mã sinh viên được thay bằng một mã ngẫu nhiên “erased-…” (khác nhau ở mỗi đợt) trong nguyện vọng và kết quả, để số chỗ và số sinh viên của đợt vẫn đúng; chỗ chưa trả lời được coi là từ chối để mời người khác. Đợt chưa chạy thì xóa hẳn.",
      en: "In rounds that have run, the student id is replaced by a random “erased-…” token (a different one per round) in the preferences and the result, so the round's seats and numbers stay exact; an unanswered seat counts as declined so it can be offered onwards. In rounds not yet run, the record is deleted.",
    },
    erase: (items, userId, at) => erasePlacementData(items as PreferenceItem[], userId, at),
  },
  application: {
    action: "anonymise",
    reason: {
      vi: "Giữ đơn ứng tuyển ẩn danh (bỏ mã sinh viên, lời nhắn, câu trả lời, lý do, CV đính kèm) để số liệu tuyển dụng của tổ chức và thống kê của tỉnh vẫn đúng.",
      en: "Applications are kept anonymous (no student id, note, answers, reasons or attached CV) so organisations' pipeline totals and province statistics stay exact.",
    },
    anonymise: ({ note: _note, rejectionReason: _reason, cv: _cv, ...item }, userId) => ({
      ...item,
      studentId: replaceId(item.studentId, userId),
      answers: [],
      history: (item.history as Item[]).map(({ reason: _r, ...step }) => step),
    }),
    // The erased student no longer competes for the listing's places: their application leaves its demand count
    // (recommendations' competition), as a withdrawal does. A position it holds stays held (the listing's
    // reservedCount and `filled` alike) until the organisation moves the anonymous application on.
    counters: (item) =>
      item.status === "withdrawn"
        ? []
        : [{ entity: "listingDemand", key: { listingId: item.listingId }, add: { applications: -1 } }],
  },
  // An application's thread (data/messages.ts): the student's words and the organisation's replies to them.
  message: { action: "delete" },
  thread: { action: "delete" },
  threadRead: { action: "delete" },
  // Interviews and offers (data/interviews.ts, data/offer-records.ts) hang off an application kept anonymous.
  interview: {
    action: "anonymise",
    reason: {
      vi: "Giữ lịch phỏng vấn ẩn danh (bỏ mã sinh viên, ghi chú và lý do) để khung giờ đã chọn vẫn được giữ đúng cho tổ chức.",
      en: "Interviews are kept anonymous (no student id, notes or reasons) so the organisation's taken times stay right.",
    },
    anonymise: (item, userId) => ({
      ...item,
      studentId: replaceId(item.studentId, userId),
      history: (item.history as Item[]).map(({ note: _n, ...event }) => event),
    }),
  },
  offer: {
    action: "anonymise",
    reason: {
      vi: "Giữ lời mời ẩn danh (bỏ mã sinh viên và lý do) để số vị trí đang giữ của tin vẫn đúng và lời mời chưa trả lời vẫn hết hạn.",
      en: "Offers are kept anonymous (no student id or reason) so the listing's held positions stay exact and an unanswered offer still expires.",
    },
    anonymise: ({ reason: _reason, ...item }, userId) => ({ ...item, studentId: replaceId(item.studentId, userId) }),
  },
  booking: {
    action: "anonymise",
    reason: {
      vi: "Giữ chỗ đã đặt ẩn danh để số ghế của buổi tham quan vẫn đúng.",
      en: "Bookings are kept anonymous so the seats taken in each visit session stay exact.",
    },
    anonymise: (item, userId) => ({
      ...item,
      holder: replaceId(item.holder, userId),
      bookerUserId: replaceId(item.bookerUserId, userId),
    }),
  },
};

/**
 * The counter changes that find their counter able to take them: a record written without its counter (older
 * data, a test fixture) must not drive a counter below zero. One consistent read per change; erasure is rare.
 */
async function applicable(changes: readonly CounterChange[]): Promise<CounterChange[]> {
  const kept: CounterChange[] = [];
  for (const change of changes) {
    const data = await guard(() => viewOf(change.entity).read.get(change.key, { consistent: true }));
    const counts = (data ?? {}) as Record<string, unknown>;
    if (Object.entries(change.add).every(([name, n]) => Number(counts[name] ?? 0) + n >= 0)) kept.push(change);
  }
  return kept;
}

/** Deletes records in batches, retrying what DynamoDB left unprocessed. */
async function deleteAll(entity: EntityView, items: Item[]): Promise<void> {
  const keys = items.map((item) => primaryKeyOf(entity, item));
  const left = await guard(() => deleteMany(entity.model, keys));
  if (left.length > 0) throw new Error(`${left.length} records left undeleted`);
}

/**
 * Replaces a record by its anonymised copy: in place, or (when the key held the person's id) delete + create,
 * with the counter changes its erasure makes in the same transaction.
 */
async function replace(
  entity: EntityView,
  before: Item,
  after: Item,
  counters: readonly CounterChange[] = [],
): Promise<void> {
  const oldKey = primaryKeyOf(entity, before);
  const sameKey = JSON.stringify(oldKey) === JSON.stringify(primaryKeyOf(entity, after));
  if (sameKey && counters.length === 0) {
    await guard(() => send(entity.writes.put(after)));
    return;
  }
  // Only the record as read is replaced: a pipeline move made meanwhile must not be overwritten.
  const unchanged = whereEquals(
    entity.model,
    Object.fromEntries(
      ["version", "updatedAt"].filter((name) => before[name] !== undefined).map((n) => [n, before[n]]),
    ),
  );
  const copy: WriteItem[] = sameKey
    ? [entity.writes.put(after, unchanged)]
    : [entity.writes.delete(oldKey, unchanged), entity.writes.create(after)];
  const changes = counters.map((c) => viewOf(c.entity).writes.update(c.key, { add: c.add }));
  const failed = await transactWithRetry(() => transactWrite([...copy, ...changes]));
  // The record changed between reading and anonymising it: the student repeats the request, which resumes.
  if (failed !== -1) throw new AppError("version_conflict", "Dữ liệu vừa thay đổi; hãy gửi lại yêu cầu xóa.");
}

/**
 * Erases a person's account: deletes what has no reason to stay and anonymises what keeps other people's numbers
 * right (applications, bookings), then turns the user record into a tombstone — last, so that an erasure cut off
 * midway can simply be run again. Refuses to start if any record type lacks a rule.
 */
export async function erasePersonalData(userId: string, email: string): Promise<ErasureReceipt> {
  const erasedAt = new Date().toISOString();
  const found = await collect(userId, normaliseEmail(email));
  const missing = [...found.keys()].filter((section) => !erasureRules[section]);
  if (missing.length > 0) throw new Error(`No erasure rule for: ${missing.join(", ")}`);
  const receipt: ErasureReceipt = { erasedAt, deleted: [], kept: [] };
  // Recruiters' notes name no student (so they stay out of the export): they are found through the student's
  // applications, before those are anonymised, so an erasure run again still finds them.
  const applicationIds = (found.get("application")?.items ?? []).map((a) => String(a.applicationId));
  receipt.deleted.push({ section: "applicantNote", count: await deleteApplicantNotes(applicationIds) });
  const order = [...found.keys()].sort((a, b) => Number(a === "user") - Number(b === "user"));
  for (const section of order) {
    const { entity, items } = found.get(section)!;
    const rule = erasureRules[section]!;
    if (rule.action === "delete") {
      await deleteAll(entity, items);
      receipt.deleted.push({ section, count: items.length });
    } else if (rule.action === "custom") {
      const { deleted, kept } = await rule.erase(items, userId, erasedAt);
      receipt.deleted.push({ section, count: deleted });
      if (kept > 0) receipt.kept.push({ section, count: kept, reason: rule.reason });
    } else {
      for (const item of items) {
        const counters = await applicable(rule.counters?.(item) ?? []);
        await replace(entity, item, rule.anonymise(item, userId, erasedAt), counters);
        for (const change of counters) {
          noteDemandChange(String(change.key.listingId), { applications: 0, filled: 0, ...change.add });
        }
      }
      if (items.length > 0) receipt.kept.push({ section, count: items.length, reason: rule.reason });
    }
  }
  if (found.get("user")?.items.length === 0) {
    // A student known only from their token (no user record yet) still gets a tombstone, which bars the token.
    const tombstone = { userId, email: "", displayName: "", role: "student" as const, createdAt: erasedAt, erasedAt };
    await guard(() => send(viewOf("user").writes.put(tombstone)));
  }
  return receipt;
}

/**
 * Anonymises one kept record of a person exactly as erasure does — the record type's `anonymise` rule, then the
 * same guarded replacement (refused with 409 `version_conflict` if the record changed since `item` was read) —
 * with `extra` attributes laid over the copy. Used by the retention of non-hired applicants' data
 * (data/retention.ts), so both removals of a person's data from an application stay one rule. Returns the copy.
 */
export async function anonymiseKeptRecord(
  section: string,
  item: Item,
  subjectId: string,
  at: string,
  extra: Item = {},
): Promise<Item> {
  const rule = erasureRules[section];
  if (rule?.action !== "anonymise") throw new Error(`No anonymisation rule for ${section}`);
  const entity = viewOf(section);
  const after = { ...rule.anonymise(item, subjectId, at), ...extra };
  await replace(entity, item, after);
  return after;
}
