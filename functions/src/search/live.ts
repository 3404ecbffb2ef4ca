import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dataConfig } from "../config";
import { AppError } from "../http/errors";
import type { SearchDocument } from "./document";
import type { ListingSearchIndex } from "./listing-index";
import { fileSnapshotStore, memorySnapshotStore, SnapshotConflictError, type SnapshotStore } from "./snapshot-store";
import { publishedDocuments, tableFingerprint } from "./sources";

// The index and MiniSearch (~50 kB) are loaded with the first search or recommendation, which reads the snapshot
// anyway: listing detail, the browse function's hottest route, never needs them (a chunk of its split build,
// infra/function.ts splitEntries, issue 14).
const indexModule = () => import("./listing-index");

/** How this process keeps its in-memory index: where the snapshot is and who maintains it. */
export interface SearchSetup {
  store: SnapshotStore;
  /** With no usable snapshot, build the index from the published-listings Query and save it (local only). */
  bootstrap: boolean;
  /**
   * This process holds the index of record and saves it after each change (local and tests: the stream consumer
   * runs in the same process and applies changes here); in deploy the stream consumer saves the S3 snapshot.
   */
  persist: boolean;
  /** Re-check the stored snapshot at most this often (deploy API instances follow the stream consumer). */
  refreshMs?: number;
  /** Identifies the data source; a snapshot recorded from another source is rebuilt, not served. */
  source?: () => Promise<string>;
  /**
   * Listings one search scores at most (default `defaultScoreBudget`, docs/search.md "Bounded work per query");
   * tests lower it so a dozen listings exercise the order beyond the budget.
   */
  scoreBudget?: number;
}

interface Loaded {
  index: ListingSearchIndex;
  etag: string | null;
  source: string | null;
  checkedAt: number;
}

const pending = new Set<Promise<unknown>>();
let setup: SearchSetup | undefined;
let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;
let persisting: Promise<void> | undefined;
let dirty = false;

const log = (level: "warn" | "error", message: string, error?: unknown) =>
  console[level](JSON.stringify({ level, message, ...(error ? { error: String(error) } : {}) }));

const unavailable = () => new AppError("search_unavailable");

// Deployed stages get the S3 store from their Lambda entries (lambda.ts, stream-lambda.ts), which refuse to start
// without SEARCH_BUCKET/SEARCH_KEY; any other process on such a stage that searches anyway answers 503.
const unconfiguredStore: SnapshotStore = {
  load: () => Promise.reject(new Error("search snapshot store not configured: call configureSearch()")),
  save: () => Promise.reject(new Error("search snapshot store not configured: call configureSearch()")),
};

/** `npm start` keeps the snapshot beside DynamoDB Local's data (KETNOI_DATA_DIR in tests of start). */
function localSnapshotPath(): string {
  const dataDir = process.env.KETNOI_DATA_DIR;
  if (dataDir) return resolve(dataDir, "search-index.json");
  return resolve(fileURLToPath(import.meta.url), "../../../../.data/search-index.json");
}

function defaultSetup(): SearchSetup {
  const { STAGE } = dataConfig();
  if (STAGE === "test") return { store: memorySnapshotStore(), bootstrap: true, persist: true };
  if (STAGE === "local") {
    const store = fileSnapshotStore(localSnapshotPath());
    return { store, bootstrap: true, persist: true, source: tableFingerprint };
  }
  return { store: unconfiguredStore, bootstrap: false, persist: false };
}

/**
 * Chooses how this process keeps its index (deploy entries pass the S3 store; local and test stages have
 * defaults). Forgets any loaded index.
 * @example configureSearch({ store: s3SnapshotStore(client), bootstrap: false, persist: false, refreshMs: 15_000 })
 */
export function configureSearch(next: SearchSetup): void {
  setup = next;
  loaded = undefined;
  loading = undefined;
}

/** The active setup (the stage's default until configureSearch is called). */
export function searchSetup(): SearchSetup {
  setup ??= defaultSetup();
  return setup;
}

function track<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  void work.finally(() => pending.delete(work)).catch(() => {});
  return work;
}

async function load(s: SearchSetup): Promise<Loaded> {
  let stored: Awaited<ReturnType<SnapshotStore["load"]>>;
  try {
    stored = await s.store.load(loaded?.etag ?? undefined);
  } catch (error) {
    log("error", "search snapshot could not be read", error);
    // A refresh that fails keeps serving the index this process has.
    if (loaded) return { ...loaded, checkedAt: Date.now() };
    throw unavailable();
  }
  if (stored === "unchanged" && loaded) return { ...loaded, checkedAt: Date.now() };
  const snapshot = stored === "unchanged" ? undefined : stored;
  const source = s.source ? await s.source() : null;
  const { ListingSearchIndex } = await indexModule();
  const parsed = snapshot ? ListingSearchIndex.fromSnapshot(snapshot.body) : undefined;
  const usable = parsed && (!s.source || parsed.meta.source === source) ? parsed.index : undefined;
  let index = usable;
  if (!index && s.bootstrap) {
    index = ListingSearchIndex.fromDocuments(await publishedDocuments());
    dirty = true;
  } else if (!index) {
    log("error", "no search snapshot yet: serving an empty index until the stream consumer writes one");
    index = ListingSearchIndex.fromDocuments([]);
  }
  if (s.scoreBudget !== undefined) index.scoreBudget = s.scoreBudget;
  return { index, etag: snapshot?.etag ?? null, source, checkedAt: Date.now() };
}

/**
 * The process's search index, loaded from the snapshot on first use (locally built once from a Query when
 * there is none) and, when the setup asks for it, re-checked against the store every `refreshMs`.
 */
export async function searchIndex(): Promise<ListingSearchIndex> {
  const s = searchSetup();
  if (loaded && (!s.refreshMs || Date.now() - loaded.checkedAt < s.refreshMs)) return loaded.index;
  loading ??= load(s)
    .then((next) => {
      loaded = next;
      if (dirty) persistSoon();
      return next;
    })
    .finally(() => {
      loading = undefined;
    });
  return (await loading).index;
}

async function persistOnce(s: SearchSetup, current: Loaded): Promise<void> {
  const body = current.index.toSnapshot(current.source);
  try {
    current.etag = await s.store.save(body, current.etag);
  } catch (error) {
    if (!(error instanceof SnapshotConflictError)) throw error;
    // Locally this process is the writer of record: another process's snapshot (an e2e run, a second start)
    // is overwritten with this process's index.
    log("warn", "search snapshot changed by another process; overwriting it");
    const latest = await s.store.load();
    current.etag = await s.store.save(body, latest === "unchanged" || !latest ? null : latest.etag);
  }
}

function persistSoon(): void {
  const s = searchSetup();
  if (!s.persist) return;
  dirty = true;
  if (persisting) return; // the running save loops while dirty
  persisting = track(
    (async () => {
      while (dirty && loaded) {
        dirty = false;
        await persistOnce(s, loaded);
      }
    })()
      .catch((error) => log("error", "search snapshot could not be saved", error))
      .finally(() => {
        persisting = undefined;
      }),
  );
}

/** One listing's change as the stream consumer hands it over: its document while published, else a removal. */
export interface IndexChange {
  id: string;
  doc: SearchDocument | undefined;
  updatedAt?: string | undefined;
}

/**
 * Applies changes from the table stream to this process's index and saves the snapshot (the local stream
 * consumer calls this; it runs in the API's process). Upserts ignore older versions, so a replay is harmless.
 */
export async function applyIndexChanges(changes: readonly IndexChange[]): Promise<void> {
  const index = await searchIndex();
  let changed = false;
  for (const change of changes) {
    changed = (change.doc ? index.upsert(change.doc) : index.remove(change.id, change.updatedAt)) || changed;
  }
  if (changed) persistSoon();
}

/** Resolves when background search work (alerts, snapshot saves) has finished: tests await it. */
export async function searchWorkSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
