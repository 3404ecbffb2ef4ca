import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** A snapshot as stored: its text and a tag that changes whenever the text does. */
export interface StoredSnapshot {
  body: string;
  etag: string;
}

/** Someone else saved a snapshot since it was loaded (or created one first): reload, re-apply, save again. */
export class SnapshotConflictError extends Error {
  constructor() {
    super("The search snapshot changed since it was loaded");
    this.name = "SnapshotConflictError";
  }
}

/**
 * Where the search index snapshot lives. Saves are conditional so that several writers (stream consumers of
 * different shards, retries) never overwrite each other's changes blindly.
 */
export interface SnapshotStore {
  /** The snapshot; undefined when there is none; "unchanged" when its etag still equals `knownEtag`. */
  load(knownEtag?: string): Promise<StoredSnapshot | "unchanged" | undefined>;
  /**
   * Saves if the stored snapshot still has `expectedEtag` (`null`: only if there is none yet), else throws
   * SnapshotConflictError. Returns the new etag.
   */
  save(body: string, expectedEtag: string | null): Promise<string>;
}

const contentTag = (body: string) => createHash("sha256").update(body).digest("base64url");

/**
 * A snapshot kept in this process only (tests).
 * @example const store = memorySnapshotStore(); await store.save("{}", null);
 */
export function memorySnapshotStore(): SnapshotStore {
  let current: StoredSnapshot | undefined;
  return {
    async load(knownEtag) {
      if (current && knownEtag === current.etag) return "unchanged";
      return current;
    },
    async save(body, expectedEtag) {
      if ((current?.etag ?? null) !== expectedEtag) throw new SnapshotConflictError();
      current = { body, etag: contentTag(body) };
      return current.etag;
    },
  };
}

/**
 * A snapshot in a local file (`npm start`: `.data/search-index.json`). The etag is a hash of the content; the
 * file is replaced by rename so a reader never sees half a snapshot. One process writes it at a time.
 */
export function fileSnapshotStore(path: string): SnapshotStore {
  const read = async (): Promise<StoredSnapshot | undefined> => {
    try {
      const body = await readFile(path, "utf8");
      return { body, etag: contentTag(body) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  };
  return {
    async load(knownEtag) {
      const current = await read();
      if (current && knownEtag === current.etag) return "unchanged";
      return current;
    },
    async save(body, expectedEtag) {
      const current = await read();
      if ((current?.etag ?? null) !== expectedEtag) throw new SnapshotConflictError();
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      await writeFile(temporary, body, "utf8");
      await rename(temporary, path);
      return contentTag(body);
    },
  };
}

/**
 * The few S3 calls the snapshot needs, on one object (bucket and key are the adapter's). Injected so that
 * functions does not depend on @aws-sdk/client-s3; docs/search.md shows the adapter over GetObject/PutObject.
 */
export interface S3ObjectClient {
  /** GetObject (with If-None-Match when `ifNoneMatch` is given): body and ETag, "not-modified" on 304, undefined on 404. */
  get(ifNoneMatch?: string): Promise<{ body: string; etag: string } | "not-modified" | undefined>;
  /**
   * PutObject with If-Match: `ifMatch` (or If-None-Match: "*" when it is undefined, so that only one writer can
   * create the object). Returns the new ETag. A failed condition throws S3's error (412 PreconditionFailed, or
   * 409 ConditionalRequestConflict when two conditional writes race).
   */
  put(body: string, ifMatch?: string): Promise<{ etag: string }>;
}

function isPreconditionFailure(error: unknown): boolean {
  const err = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  return err.name === "PreconditionFailed" || err.name === "ConditionalRequestConflict" || status === 412;
}

/**
 * A snapshot in S3 (deploy). Readers ask with If-None-Match so an unchanged snapshot costs a 304, not a download;
 * writers use S3 conditional writes (If-Match / If-None-Match) for optimistic concurrency.
 * @example s3SnapshotStore({ get: …, put: … }) // see docs/search.md for the @aws-sdk/client-s3 adapter
 */
export function s3SnapshotStore(client: S3ObjectClient): SnapshotStore {
  return {
    async load(knownEtag) {
      const result = await client.get(knownEtag);
      return result === "not-modified" ? "unchanged" : result;
    },
    async save(body, expectedEtag) {
      try {
        return (await client.put(body, expectedEtag ?? undefined)).etag;
      } catch (error) {
        if (isPreconditionFailure(error)) throw new SnapshotConflictError();
        throw error;
      }
    },
  };
}
