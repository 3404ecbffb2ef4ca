import { Readable } from "node:stream";
import { GetObjectCommand, type PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { type S3Sender, s3ObjectClient, searchStoreFromConfig } from "./s3-store";
import { SnapshotConflictError } from "./snapshot-store";

const location = { bucket: "ketnoi-search-test", key: "search/index.json" };

/** An error shaped like the SDK's: the S3 error code as `name`, the HTTP status in `$metadata`. */
const s3Failure = (name: string, httpStatusCode: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });

/**
 * A stand-in for S3Client.send on one object, answering conditional requests as S3 documents them: If-None-Match
 * on a read → 304 when the ETag matches; on a write, If-None-Match: * → 412 when the object exists, If-Match →
 * 404 when it does not, 412 when its ETag differs. It records each command's input.
 */
function fakeS3() {
  let object: { body: string; etag: string } | undefined;
  let version = 0;
  const calls: Array<{ command: string; input: Record<string, unknown> }> = [];
  const sender = {
    async send(command: GetObjectCommand | PutObjectCommand) {
      calls.push({ command: command.constructor.name, input: { ...command.input } });
      if (command instanceof GetObjectCommand) {
        if (command.input.Bucket !== location.bucket || command.input.Key !== location.key) {
          throw s3Failure("AccessDenied", 403);
        }
        if (!object) throw s3Failure("NoSuchKey", 404);
        if (command.input.IfNoneMatch === object.etag) throw s3Failure("NotModified", 304);
        const { body, etag } = object;
        return { Body: { transformToString: async () => body }, ETag: etag };
      }
      const { IfMatch, IfNoneMatch, Body } = command.input;
      if (IfNoneMatch === "*" && object) throw s3Failure("PreconditionFailed", 412);
      if (IfMatch !== undefined && !object) throw s3Failure("NoSuchKey", 404);
      if (IfMatch !== undefined && IfMatch !== object?.etag) throw s3Failure("PreconditionFailed", 412);
      object = { body: String(Body), etag: `"etag-${++version}"` };
      return { ETag: object.etag };
    },
  };
  return { sender: sender as unknown as S3Sender, calls, remove: () => (object = undefined) };
}

/** A sender whose every call fails (or answers) the given way. */
const answering = (answer: () => Promise<unknown>) => ({ send: answer }) as unknown as S3Sender;

describe("s3ObjectClient (the adapter over @aws-sdk/client-s3)", () => {
  it("reads the object with If-None-Match: body and ETag, 'not-modified' on 304, undefined on 404", async () => {
    const s3 = fakeS3();
    const client = s3ObjectClient(s3.sender, location);
    expect(await client.get()).toBeUndefined();
    const { etag } = await client.put('{"v":1}');
    expect(await client.get()).toEqual({ body: '{"v":1}', etag });
    expect(await client.get(etag)).toBe("not-modified");
    expect(await client.get('"older"')).toEqual({ body: '{"v":1}', etag });
    expect(s3.calls.filter((c) => c.command === "GetObjectCommand").map((c) => c.input)).toEqual([
      { Bucket: location.bucket, Key: location.key },
      { Bucket: location.bucket, Key: location.key },
      { Bucket: location.bucket, Key: location.key, IfNoneMatch: etag },
      { Bucket: location.bucket, Key: location.key, IfNoneMatch: '"older"' },
    ]);
  });

  it("creates with If-None-Match: * and replaces with If-Match, as JSON", async () => {
    const s3 = fakeS3();
    const client = s3ObjectClient(s3.sender, location);
    const first = await client.put("one");
    const second = await client.put("two", first.etag);
    expect(second.etag).not.toBe(first.etag);
    const put = { Bucket: location.bucket, Key: location.key, ContentType: "application/json" };
    expect(s3.calls.map((c) => c.input)).toEqual([
      { ...put, Body: "one", IfNoneMatch: "*" },
      { ...put, Body: "two", IfMatch: first.etag },
    ]);
  });

  it("turns a failed condition (412), a conditional-write race (409) and a vanished object into a conflict", async () => {
    const s3 = fakeS3();
    const client = s3ObjectClient(s3.sender, location);
    const { etag } = await client.put("one");
    await expect(client.put("again")).rejects.toBeInstanceOf(SnapshotConflictError);
    await expect(client.put("stale", '"etag-0"')).rejects.toBeInstanceOf(SnapshotConflictError);
    s3.remove();
    await expect(client.put("gone", etag)).rejects.toBeInstanceOf(SnapshotConflictError);
    const racing = s3ObjectClient(
      answering(() => Promise.reject(s3Failure("ConditionalRequestConflict", 409))),
      location,
    );
    await expect(racing.put("x", etag)).rejects.toBeInstanceOf(SnapshotConflictError);
  });

  it("lets every other S3 error through unchanged", async () => {
    const denied = s3ObjectClient(
      answering(() => Promise.reject(s3Failure("AccessDenied", 403))),
      location,
    );
    await expect(denied.get()).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(denied.put("x", '"e"')).rejects.toMatchObject({ name: "AccessDenied" });
    // Without If-Match a 404 is not about the object (a missing bucket): not a conflict.
    const noBucket = s3ObjectClient(
      answering(() => Promise.reject(s3Failure("NoSuchBucket", 404))),
      location,
    );
    await expect(noBucket.put("x")).rejects.toMatchObject({ name: "NoSuchBucket" });
    const slow = s3ObjectClient(
      answering(() => Promise.reject(new Error("socket hang up"))),
      location,
    );
    await expect(slow.get()).rejects.toThrow("socket hang up");
  });

  it("refuses an answer without a body or an ETag rather than caching nonsense", async () => {
    const noEtag = s3ObjectClient(
      answering(async () => ({ Body: { transformToString: async () => "x" } })),
      location,
    );
    await expect(noEtag.get()).rejects.toThrow(/without a body or ETag/);
    await expect(noEtag.put("x")).rejects.toThrow(/without an ETag/);
  });

  it("is a complete SnapshotStore through s3SnapshotStore: create once, then only over the loaded version", async () => {
    const s3 = fakeS3();
    const store = searchStoreFromConfig(
      { STAGE: "prod", AWS_REGION: "ap-southeast-1", SEARCH_BUCKET: location.bucket, SEARCH_KEY: location.key },
      s3.sender,
    )!;
    expect(await store.load()).toBeUndefined();
    const first = await store.save("one", null);
    await expect(store.save("again", null)).rejects.toBeInstanceOf(SnapshotConflictError);
    expect(await store.load(first)).toBe("unchanged");
    const second = await store.save("two", first);
    await expect(store.save("stale", first)).rejects.toBeInstanceOf(SnapshotConflictError);
    expect(await store.load(first)).toEqual({ body: "two", etag: second });
  });
});

describe("the real S3Client through the adapter (no network: a stub HTTP handler answers)", () => {
  /** An S3Client whose HTTP layer records each request and answers with the given status, headers and body. */
  function stubbedS3(answer: { status: number; headers?: Record<string, string>; body?: string }) {
    const requests: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
    const client = new S3Client({
      region: "ap-southeast-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
      requestHandler: {
        async handle(request: { method: string; path: string; headers: Record<string, string> }) {
          requests.push({ method: request.method, path: request.path, headers: request.headers });
          return {
            response: {
              statusCode: answer.status,
              reason: "",
              headers: { "x-amz-request-id": "r", ...answer.headers },
              body: Readable.from([Buffer.from(answer.body ?? "")]),
            },
          };
        },
      } as never,
    });
    return { client, requests };
  }
  const xmlError = (code: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>m</Message></Error>`;

  it("sends If-None-Match on reads and reads a 304 as 'not-modified', a 404 as no snapshot", async () => {
    const notModified = stubbedS3({ status: 304 });
    expect(await s3ObjectClient(notModified.client, location).get('"e1"')).toBe("not-modified");
    expect(notModified.requests[0]).toMatchObject({ method: "GET", headers: { "if-none-match": '"e1"' } });
    const missing = stubbedS3({
      status: 404,
      headers: { "content-type": "application/xml" },
      body: xmlError("NoSuchKey"),
    });
    expect(await s3ObjectClient(missing.client, location).get()).toBeUndefined();
    const found = stubbedS3({ status: 200, headers: { etag: '"e2"', "content-type": "application/json" }, body: "{}" });
    expect(await s3ObjectClient(found.client, location).get()).toEqual({ body: "{}", etag: '"e2"' });
  });

  it("sends If-Match / If-None-Match: * on writes and reads S3's 412 PreconditionFailed as a conflict", async () => {
    const failed = () =>
      stubbedS3({ status: 412, headers: { "content-type": "application/xml" }, body: xmlError("PreconditionFailed") });
    const replace = failed();
    await expect(s3ObjectClient(replace.client, location).put("{}", '"e1"')).rejects.toBeInstanceOf(
      SnapshotConflictError,
    );
    expect(replace.requests[0]).toMatchObject({ method: "PUT", headers: { "if-match": '"e1"' } });
    const create = failed();
    await expect(s3ObjectClient(create.client, location).put("{}")).rejects.toBeInstanceOf(SnapshotConflictError);
    expect(create.requests[0]!.headers["if-none-match"]).toBe("*");
    expect(create.requests[0]!.headers["if-match"]).toBeUndefined();
  });
});

describe("searchStoreFromConfig", () => {
  it("requires SEARCH_BUCKET and SEARCH_KEY outside the local and test stages, naming the missing one", () => {
    const base = { AWS_REGION: "ap-southeast-1" };
    expect(() => searchStoreFromConfig({ ...base, STAGE: "prod", SEARCH_KEY: "k" })).toThrow(/SEARCH_BUCKET: required/);
    expect(() => searchStoreFromConfig({ ...base, STAGE: "dev", SEARCH_BUCKET: "b-b" })).toThrow(
      /SEARCH_KEY: required/,
    );
    expect(searchStoreFromConfig({ ...base, STAGE: "local" })).toBeUndefined();
    expect(searchStoreFromConfig({ ...base, STAGE: "test" })).toBeUndefined();
    expect(searchStoreFromConfig({ ...base, STAGE: "prod", SEARCH_BUCKET: "b-b", SEARCH_KEY: "k" })).toBeDefined();
  });
});
