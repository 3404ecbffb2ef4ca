import { describe, expect, it } from "vitest";
import { deployedSearchStore, s3FetchObjectClient } from "./s3-fetch-store";
import { SnapshotConflictError } from "./snapshot-store";

const location = { bucket: "ketnoi-search", key: "search/listings v1.json" };
const keys = { region: "ap-southeast-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

/** A fetch that answers `status` and records the signed requests it was given. */
function fakeS3(status: number, body = "", headers: Record<string, string> = {}) {
  const requests: Request[] = [];
  const fetch = (async (request: Request) => {
    requests.push(request);
    return new Response(status === 304 ? null : body, { status, headers });
  }) as typeof globalThis.fetch;
  return { requests, fetch };
}

describe("s3FetchObjectClient (signed fetch, no @aws-sdk/client-s3)", () => {
  it("reads the object with a SigV4 GET, If-None-Match passed on, virtual-host URL in AWS", async () => {
    const s3 = fakeS3(200, "{}", { etag: '"e2"' });
    const client = s3FetchObjectClient(location, { ...keys, fetch: s3.fetch });
    expect(await client.get('"e1"')).toEqual({ body: "{}", etag: '"e2"' });
    const [get] = s3.requests;
    expect(get!.method).toBe("GET");
    expect(get!.url).toBe("https://ketnoi-search.s3.ap-southeast-1.amazonaws.com/search/listings%20v1.json");
    expect(get!.headers.get("if-none-match")).toBe('"e1"');
    expect(get!.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-1\/s3\/aws4_request, SignedHeaders=.*if-none-match/,
    );
  });

  it("maps 304 to not-modified and 404 to no snapshot; other errors name S3's code", async () => {
    expect(await s3FetchObjectClient(location, { ...keys, fetch: fakeS3(304).fetch }).get('"e1"')).toBe("not-modified");
    expect(await s3FetchObjectClient(location, { ...keys, fetch: fakeS3(404).fetch }).get()).toBeUndefined();
    const denied = fakeS3(403, "<Error><Code>AccessDenied</Code></Error>");
    await expect(s3FetchObjectClient(location, { ...keys, fetch: denied.fetch }).get()).rejects.toThrow(
      /GetObject answered 403 AccessDenied/,
    );
  });

  it("writes with If-Match (or If-None-Match: * to create), path-style on a local endpoint; 412, 409 and a vanished If-Match object are conflicts", async () => {
    const ok = fakeS3(200, "", { etag: '"e3"' });
    const local = { ...keys, endpoint: "http://127.0.0.1:4569/", fetch: ok.fetch };
    expect(await s3FetchObjectClient(location, local).put("{}", '"e2"')).toEqual({ etag: '"e3"' });
    expect(await s3FetchObjectClient(location, local).put("{}")).toEqual({ etag: '"e3"' });
    const [replace, create] = ok.requests;
    expect(replace!.url).toBe("http://127.0.0.1:4569/ketnoi-search/search/listings%20v1.json");
    expect(replace!.headers.get("if-match")).toBe('"e2"');
    expect(create!.headers.get("if-none-match")).toBe("*");
    for (const [status, ifMatch] of [
      [412, '"e2"'],
      [409, '"e2"'],
      [404, '"e2"'],
      [412, undefined],
    ] as const) {
      const client = s3FetchObjectClient(location, { ...keys, fetch: fakeS3(status).fetch });
      await expect(client.put("{}", ifMatch)).rejects.toBeInstanceOf(SnapshotConflictError);
    }
  });
});

describe("deployedSearchStore", () => {
  const base = { AWS_REGION: "ap-southeast-1", SEARCH_BUCKET: undefined, SEARCH_KEY: undefined };
  const env = { AWS_ACCESS_KEY_ID: "A", AWS_SECRET_ACCESS_KEY: "s" };
  it("requires the snapshot's location outside local and test, naming what is missing", () => {
    expect(() => deployedSearchStore({ ...base, STAGE: "prod", SEARCH_KEY: "k" }, env)).toThrow(
      /SEARCH_BUCKET: required/,
    );
    expect(deployedSearchStore({ ...base, STAGE: "local" }, env)).toBeUndefined();
    expect(deployedSearchStore({ ...base, STAGE: "prod", SEARCH_BUCKET: "b-b", SEARCH_KEY: "k" }, env)).toBeDefined();
    expect(() => deployedSearchStore({ ...base, STAGE: "prod", SEARCH_BUCKET: "b-b", SEARCH_KEY: "k" }, {})).toThrow(
      /AWS_ACCESS_KEY_ID/,
    );
  });
});
