import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createTestBucket } from "../../test/s3";
import { dataConfig } from "../config";
import { s3ClientOptions } from "../s3-options";
import { type S3Sender, s3ObjectClient, searchStoreFromConfig } from "./s3-store";
import { SnapshotConflictError } from "./snapshot-store";

/**
 * A bucket of this file's own on the test run's s3rver (functions/test/s3.ts): the adapter's reads and writes go
 * through the real SDK over HTTP, as in deploy. s3rver ignores conditional writes (If-Match, If-None-Match: *), so
 * S3's answers to a failed condition are tested below with stubbed answers and a stubbed HTTP layer.
 */
const location = { bucket: `search-${randomUUID()}`, key: "search/index.json" };
const s3Config = () => ({ ...dataConfig(), STAGE: "test", SEARCH_BUCKET: location.bucket, SEARCH_KEY: location.key });
const s3rverClient = () => new S3Client(s3ClientOptions(dataConfig()));

beforeAll(async () => {
  await createTestBucket(inject("s3Endpoint"), location.bucket);
});

/** An error shaped like the SDK's: the S3 error code as `name`, the HTTP status in `$metadata`. */
const s3Failure = (name: string, httpStatusCode: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });

/** A sender whose every call fails (or answers) the given way. */
const answering = (answer: () => Promise<unknown>) => ({ send: answer }) as unknown as S3Sender;

describe("s3ObjectClient (the adapter over @aws-sdk/client-s3), against s3rver", () => {
  it("reads the object with If-None-Match: body and ETag, 'not-modified' on 304, undefined on 404", async () => {
    const client = s3ObjectClient(s3rverClient(), { ...location, key: `read/${randomUUID()}.json` });
    expect(await client.get()).toBeUndefined();
    const { etag } = await client.put('{"v":1}');
    expect(await client.get()).toEqual({ body: '{"v":1}', etag });
    expect(await client.get(etag)).toBe("not-modified");
    expect(await client.get('"older"')).toEqual({ body: '{"v":1}', etag });
  });

  it("creates, then replaces, as JSON: each write answers the stored object's new ETag", async () => {
    const key = `write/${randomUUID()}.json`;
    const client = s3ObjectClient(s3rverClient(), { ...location, key });
    const first = await client.put("one");
    const second = await client.put("two", first.etag);
    expect(second.etag).not.toBe(first.etag);
    expect(await client.get()).toEqual({ body: "two", etag: second.etag });
    const head = await s3rverClient().send(new HeadObjectCommand({ Bucket: location.bucket, Key: key }));
    expect(head.ContentType).toBe("application/json");
  });

  it("turns a failed condition (412), a conditional-write race (409) and a vanished object into a conflict", async () => {
    for (const [name, status] of [
      ["PreconditionFailed", 412],
      ["ConditionalRequestConflict", 409],
    ] as const) {
      const client = s3ObjectClient(
        answering(() => Promise.reject(s3Failure(name, status))),
        location,
      );
      await expect(client.put("x")).rejects.toBeInstanceOf(SnapshotConflictError);
      await expect(client.put("x", '"e"')).rejects.toBeInstanceOf(SnapshotConflictError);
    }
    // An If-Match write whose object was deleted meanwhile: 404 NoSuchKey is a conflict too.
    const vanished = s3ObjectClient(
      answering(() => Promise.reject(s3Failure("NoSuchKey", 404))),
      location,
    );
    await expect(vanished.put("gone", '"e"')).rejects.toBeInstanceOf(SnapshotConflictError);
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

  it("is a complete SnapshotStore from the configuration (S3_ENDPOINT: s3rver): load, save, unchanged", async () => {
    const store = searchStoreFromConfig({ ...s3Config(), SEARCH_KEY: `store/${randomUUID()}.json` })!;
    expect(await store.load()).toBeUndefined();
    const first = await store.save("one", null);
    expect(await store.load(first)).toBe("unchanged");
    const second = await store.save("two", first);
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
