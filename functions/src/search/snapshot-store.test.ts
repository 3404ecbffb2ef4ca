import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  fileSnapshotStore,
  memorySnapshotStore,
  type S3ObjectClient,
  SnapshotConflictError,
  type SnapshotStore,
  s3SnapshotStore,
} from "./snapshot-store";

const dir = mkdtempSync(join(tmpdir(), "ketnoi-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An in-memory stand-in for one S3 object that answers conditional requests the way S3 documents them. */
function s3Object(): S3ObjectClient & { puts: number } {
  let object: { body: string; etag: string } | undefined;
  let version = 0;
  const preconditionFailed = () =>
    Object.assign(new Error("At least one of the pre-conditions you specified did not hold"), {
      name: "PreconditionFailed",
      $metadata: { httpStatusCode: 412 },
    });
  return {
    puts: 0,
    async get(ifNoneMatch) {
      if (object && ifNoneMatch === object.etag) return "not-modified";
      return object;
    },
    async put(body, ifMatch) {
      if (ifMatch === undefined ? object !== undefined : object?.etag !== ifMatch) throw preconditionFailed();
      this.puts++;
      object = { body, etag: `"${++version}"` };
      return { etag: object.etag };
    },
  };
}

const stores: Array<[string, () => SnapshotStore]> = [
  ["memory", () => memorySnapshotStore()],
  ["file", () => fileSnapshotStore(join(dir, `${Math.random().toString(36).slice(2)}`, "search-index.json"))],
  ["S3", () => s3SnapshotStore(s3Object())],
];

describe.each(stores)("%s snapshot store", (_name, makeStore) => {
  it("starts empty, creates once, then saves only over the version it loaded", async () => {
    const store = makeStore();
    expect(await store.load()).toBeUndefined();
    const first = await store.save("one", null);
    await expect(store.save("again", null)).rejects.toBeInstanceOf(SnapshotConflictError);
    expect(await store.load()).toEqual({ body: "one", etag: first });

    const second = await store.save("two", first);
    expect(second).not.toBe(first);
    await expect(store.save("stale", first)).rejects.toBeInstanceOf(SnapshotConflictError);
    expect(await store.load()).toEqual({ body: "two", etag: second });
  });

  it("answers 'unchanged' when the caller already has the current version", async () => {
    const store = makeStore();
    const etag = await store.save("one", null);
    expect(await store.load(etag)).toBe("unchanged");
    await store.save("two", etag);
    expect(await store.load(etag)).toMatchObject({ body: "two" });
  });
});

describe("file snapshot store", () => {
  it("replaces the file whole and leaves no temporary files behind", async () => {
    const folder = join(dir, "whole");
    const store = fileSnapshotStore(join(folder, "search-index.json"));
    let etag = await store.save("x".repeat(100_000), null);
    etag = await store.save("y".repeat(50_000), etag);
    expect(readdirSync(folder)).toEqual(["search-index.json"]);
    expect(await store.load()).toEqual({ body: "y".repeat(50_000), etag });
  });
});

describe("S3 snapshot store", () => {
  it("turns S3's failed precondition into a conflict and lets other errors through", async () => {
    const client = s3Object();
    const store = s3SnapshotStore(client);
    await store.save("one", null);
    await expect(store.save("two", '"stale"')).rejects.toBeInstanceOf(SnapshotConflictError);
    const broken = s3SnapshotStore({
      get: async () => undefined,
      put: async () => {
        throw Object.assign(new Error("Access Denied"), { name: "AccessDenied" });
      },
    });
    await expect(broken.save("x", null)).rejects.toThrow("Access Denied");
    expect(client.puts).toBe(1);
  });
});
