import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { MatchCandidate, StudentProfile } from "@ketnoi/core";
import { dataConfig } from "../config";
import { guard } from "../data/guard";
import { outsideDbScope } from "../db/call-counter";
import type { StudentEntity } from "../db/entities/student";
import { liteEntity } from "../db/lite";
import { studentModel } from "../db/models/student";
import { AppError } from "../http/errors";
import {
  fileSnapshotStore,
  memorySnapshotStore,
  SnapshotConflictError,
  type SnapshotStore,
} from "../search/snapshot-store";
import { tableFingerprint } from "../search/sources";
import { asCandidate, CandidatePool, candidateFields } from "./snapshot";

/** Where this process reads (and the stream consumer writes) the candidate snapshot. */
export interface CandidateSetup {
  store: SnapshotStore;
  /** Re-check the stored snapshot at most this often (If-None-Match: unchanged costs a 304); unset: never. */
  refreshMs?: number;
  /** Identifies the table; a snapshot recorded from another table is not served (local: a fresh DynamoDB Local). */
  source?: () => Promise<string>;
}

interface Loaded {
  pool: CandidatePool;
  etag: string | null;
  checkedAt: number;
  /** False when the store held no usable snapshot (none, another format, another table): the writer rebuilds. */
  usable: boolean;
}

/** A profile this process saved: applied over the snapshot until the snapshot has caught up with its version. */
interface OwnSave {
  candidate: MatchCandidate | undefined;
  version: number;
}

const maxSaveAttempts = 5;
const maxOwnSaves = 10_000;
let setup: CandidateSetup | undefined;
let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;
let view: MatchCandidate[] | undefined;
let writing: Promise<unknown> = Promise.resolve();
let source: Promise<string> | undefined;
const ownSaves = new Map<string, OwnSave>();

const log = (level: "warn" | "error", message: string, fields: Record<string, unknown> = {}) =>
  console[level](JSON.stringify({ level, message, ...fields }));

// A deployed function that serves candidates configures the S3 store at cold start (lambdas/candidates.ts); any
// other process on such a stage that asks for candidates answers 503 rather than reading the table.
const unconfiguredStore: SnapshotStore = {
  load: () => Promise.reject(new Error("candidate snapshot store not configured: call configureCandidates()")),
  save: () => Promise.reject(new Error("candidate snapshot store not configured: call configureCandidates()")),
};

/** `npm start` keeps the snapshot beside DynamoDB Local's data (KETNOI_DATA_DIR in tests of start). */
function localSnapshotPath(): string {
  const dataDir = process.env.KETNOI_DATA_DIR;
  if (dataDir) return resolve(dataDir, "candidate-pool.json");
  return resolve(fileURLToPath(import.meta.url), "../../../../.data/candidate-pool.json");
}

function defaultSetup(): CandidateSetup {
  const { STAGE } = dataConfig();
  if (STAGE === "test") return { store: memorySnapshotStore() };
  // A seed or reconcile run in another process rewrites the file: the API notices within a few seconds.
  if (STAGE === "local") return { store: fileSnapshotStore(localSnapshotPath()), refreshMs: 3_000, source: table };
  return { store: unconfiguredStore };
}

const table = () => tableFingerprint();

/**
 * Chooses where this process keeps the candidate snapshot (deploy entries pass the S3 store; local and test stages
 * have defaults) and forgets what it had loaded, as a new process would.
 * @example configureCandidates({ store: s3SnapshotStore(client), refreshMs: 15_000 })
 */
export function configureCandidates(next: CandidateSetup): void {
  setup = next;
  loaded = undefined;
  loading = undefined;
  view = undefined;
  source = undefined;
  ownSaves.clear();
}

export function candidateSetup(): CandidateSetup {
  setup ??= defaultSetup();
  return setup;
}

function sourceOf(s: CandidateSetup): Promise<string | null> {
  if (!s.source) return Promise.resolve(null);
  // The table's identity does not change under a running process: asked once (DescribeTable, not a pool read).
  source ??= outsideDbScope(() => s.source!());
  return source;
}

/** The stored snapshot when it is usable here (right format, same table), with its etag. */
async function readStored(s: CandidateSetup, knownEtag?: string) {
  const stored = await s.store.load(knownEtag);
  if (stored === "unchanged") return "unchanged" as const;
  if (!stored) return undefined;
  const parsed = CandidatePool.fromSnapshot(stored.body);
  const expected = await sourceOf(s);
  if (!parsed || (expected !== null && parsed.source !== expected)) return { pool: undefined, etag: stored.etag };
  return { pool: parsed.pool, etag: stored.etag };
}

async function load(s: CandidateSetup, forRequests: boolean): Promise<Loaded> {
  let stored: Awaited<ReturnType<typeof readStored>>;
  try {
    stored = await readStored(s, loaded?.etag ?? undefined);
  } catch (error) {
    log("error", "candidate snapshot could not be read", { error: String(error) });
    // A re-check that fails keeps serving what this process has.
    if (loaded) return { ...loaded, checkedAt: Date.now() };
    // The candidate ranking is recommendation, served with search's code (the same snapshot bucket in deploy).
    throw new AppError(
      "search_unavailable",
      "Gợi ý ứng viên tạm thời chưa sẵn sàng, vui lòng thử lại sau. (Candidate suggestions are not available for now.)",
    );
  }
  if (stored === "unchanged" && loaded) return { ...loaded, checkedAt: Date.now() };
  const found = stored === "unchanged" ? undefined : stored;
  // Another table's snapshot (a seed or probe run locally against a different table wrote the file): keep serving
  // ours, and let this process's next save (conditional on that file's etag) put ours back.
  if (found && !found.pool && loaded?.usable) return { ...loaded, etag: found.etag, checkedAt: Date.now() };
  if (!found?.pool && forRequests) {
    log("error", "no candidate snapshot yet: serving no candidates until the stream consumer or a rebuild writes one");
  }
  const pool = found?.pool ?? new CandidatePool();
  return { pool, etag: found?.etag ?? null, checkedAt: Date.now(), usable: !!found?.pool };
}

function adopt(next: Loaded): void {
  if (next.pool !== loaded?.pool) view = undefined;
  loaded = next;
}

/** The snapshot as this process has it, re-checked against the store when `refreshMs` has passed. */
async function current(force = false): Promise<Loaded> {
  const s = candidateSetup();
  const fresh = loaded && !force && (!s.refreshMs || Date.now() - loaded.checkedAt < s.refreshMs);
  if (fresh) return loaded!;
  loading ??= load(s, !force)
    .then((next) => {
      adopt(next);
      return next;
    })
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

/**
 * Students who consent to being recommended to recruiters, ranking fields only: the candidate snapshot the table
 * stream's consumer keeps (docs/data-model.md, "Candidate snapshot"), read from the store once per process and
 * re-checked with If-None-Match; never a read of the table. This process's own profile saves apply at once.
 */
export async function consentingStudents(): Promise<MatchCandidate[]> {
  const { pool } = await current();
  if (view) return view;
  if (ownSaves.size === 0) {
    view = pool.students();
    return view;
  }
  // This process's saves over the snapshot, each until the snapshot holds that version (or a newer one).
  const merged = new Map(pool.students().map((c) => [c.userId, c]));
  for (const [userId, own] of ownSaves) {
    const stored = pool.versionOf(userId);
    const caughtUp = own.candidate ? stored !== undefined && stored >= own.version : stored === undefined;
    if (caughtUp || (stored !== undefined && stored > own.version)) {
      ownSaves.delete(userId);
      continue;
    }
    if (own.candidate) merged.set(userId, own.candidate);
    else merged.delete(userId);
  }
  view = [...merged.values()];
  return view;
}

/** Brings a profile saved by this process into its candidates at once (the snapshot follows via the stream). */
export function noteProfileSaved(profile: StudentProfile): void {
  const granted = profile.consents.recommendToRecruiters.granted;
  ownSaves.delete(profile.userId);
  ownSaves.set(profile.userId, { candidate: granted ? asCandidate(profile) : undefined, version: profile.version });
  // A function that saves profiles but never ranks candidates (deploy: the account group) keeps only the latest few.
  if (ownSaves.size > maxOwnSaves) ownSaves.delete(ownSaves.keys().next().value!);
  view = undefined;
}

/** One student's change as the stream consumer hands it over: the profile while consenting, else a removal. */
export interface CandidateChange {
  userId: string;
  /** The profile's version; absent for a removed profile (erasure), which always takes the student out. */
  version?: number;
  candidate?: MatchCandidate;
}

function applyTo(pool: CandidatePool, changes: readonly CandidateChange[]): boolean {
  let changed = false;
  for (const c of changes) {
    const done = c.candidate ? pool.upsert(c.candidate, c.version ?? 0) : pool.remove(c.userId, c.version);
    changed = done || changed;
  }
  return changed;
}

/** Consenting students' ranking fields from the sparse consent index (gsi2): the rebuild's only read. */
async function poolFromIndex(): Promise<CandidatePool> {
  // Over the lite data path (db/lite.ts, issue 14): every function that saves a profile imports this module.
  const data = await guard(() =>
    liteEntity<StudentEntity>(studentModel).query(
      "byRecommendConsent",
      {},
      {
        attributes: [...candidateFields, "version"],
      },
    ),
  );
  return poolOf(data as unknown as Array<MatchCandidate & { version: number }>);
}

/** The consenting students among these profiles, at their versions: what the consent index holds of them. */
function poolOf(profiles: Iterable<MatchCandidate & { version: number }>): CandidatePool {
  const pool = new CandidatePool();
  for (const s of profiles) if (s.consents.recommendToRecruiters.granted) pool.upsert(s, s.version);
  return pool;
}

/** Runs snapshot writes of this process one after another (the consumer's batches, a rebuild). */
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = writing.then(work, work);
  writing = next.catch(() => {});
  return next;
}

/**
 * Applies the stream's changes to the snapshot and saves it: re-check, apply, save only if nobody saved in
 * between (conditional write); on a conflict (a consumer of another shard, a rebuild) load again and re-apply.
 * With no snapshot at all (a fresh stage), it is first built from the consent index. Upserts ignore older
 * versions, so a batch delivered again changes nothing. The stream consumer calls this in every stage.
 */
export function applyCandidateChanges(changes: readonly CandidateChange[]): Promise<void> {
  if (changes.length === 0) return Promise.resolve();
  return serially(async () => {
    const s = candidateSetup();
    for (let attempt = 1; ; attempt++) {
      const state = await current(true);
      const pool = state.usable ? state.pool : await poolFromIndex();
      const changed = applyTo(pool, changes) || !state.usable;
      if (!changed) return;
      try {
        const etag = await s.store.save(pool.toSnapshot(await sourceOf(s)), state.etag);
        adopt({ pool, etag, checkedAt: Date.now(), usable: true });
        view = undefined;
        return;
      } catch (error) {
        // What is in memory may now differ from what is stored: read it all again next time.
        loaded = undefined;
        view = undefined;
        if (!(error instanceof SnapshotConflictError) || attempt >= maxSaveAttempts) throw error;
      }
    }
  });
}

/** What a rebuild found: the students it holds, the snapshot's size, and how many entries differed from the stored one. */
export interface CandidateRebuild {
  students: number;
  bytes: number;
  /** Students added, removed or at another version than in the snapshot it replaced (none stored: all of them). */
  drift: number;
}

function driftBetween(stored: CandidatePool | undefined, rebuilt: CandidatePool): number {
  if (!stored) return rebuilt.size;
  let drift = 0;
  for (const { userId } of rebuilt.students()) if (stored.versionOf(userId) !== rebuilt.versionOf(userId)) drift++;
  for (const { userId } of stored.students()) if (rebuilt.versionOf(userId) === undefined) drift++;
  return drift;
}

/**
 * Rebuilds the snapshot from the consent index and saves it over whatever is stored: a fresh stage, `npm run
 * reconcile`, the bench's routes server. A consumer's save in between (conditional write conflict) means a change
 * the index read may have missed: the index is read again.
 *
 * `written`: the seed's profiles, exactly as it has just put them into an empty table, from which the snapshot is
 * built without reading them back (at province scale DynamoDB Local took 13 min to page the consent index's 88,000
 * profiles; seed.test.ts checks that both give the same snapshot).
 */
export function rebuildCandidateSnapshot(
  written?: Iterable<MatchCandidate & { version: number }>,
): Promise<CandidateRebuild> {
  return serially(async () => {
    const s = candidateSetup();
    for (let attempt = 1; ; attempt++) {
      const stored = await readStored(s);
      const before = stored && stored !== "unchanged" ? stored : undefined;
      const pool = written ? poolOf(written) : await poolFromIndex();
      const body = pool.toSnapshot(await sourceOf(s));
      try {
        adopt({ pool, etag: await s.store.save(body, before?.etag ?? null), checkedAt: Date.now(), usable: true });
        view = undefined;
        return { students: pool.size, bytes: Buffer.byteLength(body), drift: driftBetween(before?.pool, pool) };
      } catch (error) {
        if (!(error instanceof SnapshotConflictError) || attempt >= maxSaveAttempts) throw error;
      }
    }
  });
}

/**
 * Local start: rebuilds the snapshot when there is none usable (first start, a new table, another format), so that
 * no request ever reads the pool from the table.
 */
export async function ensureCandidateSnapshot(): Promise<"kept" | "rebuilt"> {
  const s = candidateSetup();
  const stored = await readStored(s);
  if (stored && stored !== "unchanged" && stored.pool) return "kept";
  await rebuildCandidateSnapshot();
  return "rebuilt";
}
