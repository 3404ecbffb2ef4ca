import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { StoredListing } from "@ketnoi/functions/data/listings";
import { listingEntity } from "@ketnoi/functions/db/entities/listing";
import { organisationEntity } from "@ketnoi/functions/db/entities/organisation";
import { ListingSearchIndex } from "@ketnoi/functions/search/listing-index";
import { fixtureDocuments, fixtureListings, fixtureOrgs } from "@ketnoi/functions/test/search-fixtures";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { esbuildOptions } from "./function";
import { apiEntry, groupEntry, streamEntry } from "./paths";
import { candidateSnapshotKey, searchSnapshotKey } from "./search";

// Bundles both Lambda entries as NodejsFunction does (`esbuildOptions`: the same esbuild build) and runs each bundle
// in a fresh Node process with a real event: proves that what deploys starts and answers. AWS is a small local
// HTTP server that speaks just enough S3 (one object, conditional GET and PUT) and DynamoDB (GetItem, BatchGetItem,
// Query, PutItem, TransactWriteItems) for search and the stream consumer; the bundles reach it through the SDK's own endpoint variables, signed requests and all.
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "ketnoi-bundle-"));
const tableName = "ketnoi-prod";
const bucket = "ketnoi-prod-search-snapshots";

type AttributeMap = Record<string, unknown>;
interface S3Request {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
}

/** The fake AWS: the snapshot object, the table's items by key, and every S3 request seen. */
const aws = {
  object: undefined as { body: string; etag: string } | undefined,
  versions: 0,
  items: new Map<string, AttributeMap>(),
  s3Requests: [] as S3Request[],
  transactions: 0,
};
let server: Server;
let endpoint: string;

// The table as the API would have written it: ElectroDB's own item format (keys, entity markers) for the fixtures.
const model = {
  entities: { listing: listingEntity({ table: tableName }), organisation: organisationEntity({ table: tableName }) },
};
const listingItem = ({ id, ...rest }: StoredListing) =>
  model.entities.listing.put({ listingId: id, ...rest, sortAt: rest.publishedAt ?? rest.createdAt } as never).params()
    .Item as Record<string, unknown>;
const itemKey = (key: AttributeMap) => JSON.stringify([key.pk, key.sk]);
function storeItem(item: Record<string, unknown>) {
  const attributes = marshall(item, { removeUndefinedValues: true }) as AttributeMap;
  aws.items.set(itemKey(attributes), attributes);
}

function bundle(entry: string, name: string) {
  return build({ ...esbuildOptions(entry, join(dir, `${name}.mjs`)), logLevel: "silent" });
}

const xmlError = (code: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;

function answerS3(req: IncomingMessage, raw: Buffer, res: ServerResponse) {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  aws.s3Requests.push({ method: req.method ?? "", path, headers: req.headers });
  const fail = (status: number, code: string) =>
    res.writeHead(status, { "content-type": "application/xml" }).end(xmlError(code));
  if (path !== `/${bucket}/${searchSnapshotKey}`) return fail(403, "AccessDenied");
  const current = aws.object;
  if (req.method === "GET") {
    if (!current) return fail(404, "NoSuchKey");
    if (req.headers["if-none-match"] === current.etag) return res.writeHead(304, { etag: current.etag }).end();
    return res.writeHead(200, { "content-type": "application/json", etag: current.etag }).end(current.body);
  }
  if (req.method === "PUT") {
    const ifMatch = req.headers["if-match"];
    if (ifMatch !== undefined && !current) return fail(404, "NoSuchKey");
    if (ifMatch !== undefined && ifMatch !== current?.etag) return fail(412, "PreconditionFailed");
    if (req.headers["if-none-match"] === "*" && current) return fail(412, "PreconditionFailed");
    aws.object = { body: raw.toString("utf8"), etag: `"v${++aws.versions}"` };
    return res.writeHead(200, { etag: aws.object.etag }).end();
  }
  return fail(405, "MethodNotAllowed");
}

function answerDynamo(target: string, input: Record<string, unknown>, res: ServerResponse) {
  const json = (body: unknown, status = 200) =>
    res.writeHead(status, { "content-type": "application/x-amz-json-1.0" }).end(JSON.stringify(body));
  const operation = target.split(".")[1];
  if (operation === "GetItem") {
    const item = aws.items.get(itemKey(input.Key as AttributeMap));
    return json(item ? { Item: item } : {});
  }
  if (operation === "BatchGetItem") {
    const requests = input.RequestItems as Record<string, { Keys: AttributeMap[] }>;
    const responses = Object.fromEntries(
      Object.entries(requests).map(([table, { Keys }]) => [
        table,
        Keys.flatMap((key) => aws.items.get(itemKey(key)) ?? []),
      ]),
    );
    return json({ Responses: responses, UnprocessedKeys: {} });
  }
  if (operation === "Query") return json({ Items: [], Count: 0, ScannedCount: 0 });
  // The dashboard's record-key secret, created by the first aggregation (a put conditioned on its absence).
  if (operation === "PutItem") {
    const item = input.Item as AttributeMap;
    if (aws.items.has(itemKey(item))) {
      return json(
        { __type: "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", message: "exists" },
        400,
      );
    }
    aws.items.set(itemKey(item), item);
    return json({});
  }
  // The dashboard's counter updates (the consumer also aggregates): accepted, not modelled.
  if (operation === "TransactWriteItems") {
    aws.transactions++;
    return json({});
  }
  // The consumer's own bookkeeping (its status after a batch; notices when a record calls for them): accepted.
  if (operation === "UpdateItem" || operation === "PutItem") return json({});
  return json({ __type: "com.amazon.coral.validate#ValidationException", message: `${operation} is not faked` }, 400);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const target = req.headers["x-amz-target"];
      if (typeof target === "string") answerDynamo(target, JSON.parse(raw.toString("utf8")), res);
      else answerS3(req, raw, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // "api": the browse function (search, recommendations, listing detail), the one reading the S3 snapshot.
  await Promise.all([bundle(groupEntry("browse"), "api"), bundle(apiEntry, "docs"), bundle(streamEntry, "stream")]);
  for (const listing of fixtureListings) storeItem(listingItem(listing));
  for (const { id, ...org } of Object.values(fixtureOrgs)) {
    storeItem(model.entities.organisation.put({ orgId: id, ...org } as never).params().Item);
  }
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The deploy environment of both functions (Lambda itself sets AWS_REGION and the credentials). */
const deployEnv = () => ({
  PATH: process.env.PATH,
  STAGE: "prod",
  TABLE_NAME: tableName,
  AWS_REGION: "ap-southeast-1",
  AUTH_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool",
  AUTH_AUDIENCE: "client",
  AUTH_JWKS_URL: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json",
  DEV_AUTH: "false",
  SERVER_SECRET: "a-deploy-secret-of-at-least-32-characters",
  WEB_ORIGIN: "https://ketnoi.example",
  SEARCH_BUCKET: bucket,
  SEARCH_KEY: searchSnapshotKey,
  CANDIDATES_KEY: candidateSnapshotKey,
  // The fake AWS: the SDK's standard endpoint variable for S3; the app's own for DynamoDB.
  AWS_ENDPOINT_URL_S3: endpoint,
  DYNAMODB_ENDPOINT: endpoint,
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
});

/** Runs `handler(event)` from a bundle in a fresh Node process; resolves with what it returned. */
async function invoke(
  name: "api" | "docs" | "stream",
  event: unknown,
  env: Record<string, string | undefined> = deployEnv(),
) {
  const runner = join(dir, `invoke-${name}.mjs`);
  writeFileSync(
    runner,
    `import { handler } from "./${name}.mjs";
const result = await handler(JSON.parse(process.argv[2]), {});
process.stdout.write(JSON.stringify(result));`,
  );
  const { stdout } = await run(process.execPath, [runner, JSON.stringify(event)], { cwd: dir, env, encoding: "utf8" });
  return JSON.parse(stdout);
}

/** An API Gateway v2 (HTTP API, payload 2.0) GET request. */
function httpGet(path: string, query = "") {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: query,
    headers: { host: "api.example" },
    isBase64Encoded: false,
    requestContext: {
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "1.2.3.4", userAgent: "test" },
      requestId: "r",
      routeKey: "$default",
      stage: "$default",
      timeEpoch: 0,
      domainName: "api.example",
      accountId: "1",
      apiId: "a",
      domainPrefix: "api",
      time: "",
    },
  };
}
const apiGet = async (path: string, query = "") =>
  (await invoke("api", httpGet(path, query))) as { statusCode: number; body: string };

describe("the API bundle", () => {
  it("the docs bundle starts and serves the OpenAPI document as built", async () => {
    const res = (await invoke("docs", httpGet("/api/openapi.json"))) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/listings");
    // Production configuration: the development sign-in is not mounted.
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/api/dev-auth"))).toBe(false);
  }, 30_000);

  it("answers unknown paths with the JSON error shape", async () => {
    const res = await apiGet("/api/nope");
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe("not_found");
  }, 30_000);

  it("refuses to start without the search snapshot's location, naming the variables", async () => {
    const { SEARCH_BUCKET: _bucket, SEARCH_KEY: _key, ...env } = deployEnv();
    await expect(invoke("api", httpGet("/api/openapi.json"), env)).rejects.toThrow(
      /SEARCH_BUCKET: required when STAGE=prod[\s\S]*SEARCH_KEY: required/,
    );
  }, 30_000);

  it("searches the S3 snapshot (signed GetObject) and reads the hits back from the table: 200", async () => {
    aws.object = { body: ListingSearchIndex.fromDocuments(fixtureDocuments()).toSnapshot(null), etag: '"v0"' };
    aws.s3Requests.length = 0;
    const res = await apiGet("/api/search", "q=lap%20trinh%20nhung");
    expect(res.statusCode, res.body).toBe(200);
    const page = JSON.parse(res.body);
    expect(page).toMatchObject({ total: 1, matchedAllTerms: true, cursor: null });
    expect(page.items).toEqual([
      expect.objectContaining({
        id: "a-embedded",
        status: "published",
        orgName: fixtureOrgs.chip.name.vi,
        orgVerified: true,
      }),
    ]);
    expect(aws.s3Requests).toHaveLength(1);
    const [get] = aws.s3Requests;
    expect(get).toMatchObject({ method: "GET", path: `/${bucket}/${searchSnapshotKey}` });
    expect(get!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-1\/s3\//);
  }, 30_000);

  it("serves an empty index, not an error, before the stream consumer has written the first snapshot", async () => {
    aws.object = undefined;
    const res = await apiGet("/api/search", "q=lap%20trinh");
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ items: [], total: 0 });
  }, 30_000);
});

describe("the stream consumer bundle", () => {
  it("starts and answers an empty batch with no failures, touching nothing", async () => {
    aws.s3Requests.length = 0;
    expect(await invoke("stream", { Records: [] })).toEqual({ batchItemFailures: [] });
    expect(aws.s3Requests).toEqual([]);
  }, 30_000);

  it("applies a listing edit to the S3 snapshot with a conditional write, which the API then serves", async () => {
    aws.object = { body: ListingSearchIndex.fromDocuments(fixtureDocuments()).toSnapshot(null), etag: '"v0"' };
    aws.s3Requests.length = 0;
    const before = fixtureListings[0]!;
    const after = {
      ...before,
      title: { vi: "Thực tập sinh lập trình nhúng IoT", en: "Embedded IoT intern" },
      updatedAt: "2026-01-20T08:00:00.000Z",
      version: 2,
    };
    storeItem(listingItem(after));
    const image = (listing: StoredListing) => marshall(listingItem(listing), { removeUndefinedValues: true });
    const record = {
      eventID: "1",
      eventName: "MODIFY",
      dynamodb: { NewImage: image(after), OldImage: image(before), SequenceNumber: "100" },
    };
    expect(await invoke("stream", { Records: [record] })).toEqual({ batchItemFailures: [] });

    const [get, put] = aws.s3Requests;
    expect(aws.s3Requests).toHaveLength(2);
    expect(get).toMatchObject({ method: "GET", path: `/${bucket}/${searchSnapshotKey}` });
    expect(put).toMatchObject({ method: "PUT", path: `/${bucket}/${searchSnapshotKey}` });
    expect(put!.headers["if-match"]).toBe('"v0"');
    const saved = ListingSearchIndex.fromSnapshot(aws.object!.body)!;
    expect(saved.meta).toMatchObject({ documentCount: fixtureDocuments().length, newestUpdatedAt: after.updatedAt });

    const res = await apiGet("/api/search", "q=iot");
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.parse(res.body).items.map((item: { id: string }) => item.id)).toEqual(["a-embedded"]);
  }, 30_000);
});
