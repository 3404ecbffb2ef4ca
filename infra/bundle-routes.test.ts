import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { type AttributeValue, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { erasureConfirmation, type InterviewPropose, todayInVietnam } from "@ketnoi/core";
import { devJwks, signDevToken } from "@ketnoi/functions/auth/dev-idp";
import { config } from "@ketnoi/functions/config";
import { submitApplication, transitionApplication } from "@ketnoi/functions/data/applications";
import { changeInterview, proposeInterview } from "@ketnoi/functions/data/interviews";
import { getListing } from "@ketnoi/functions/data/listings";
import { notify } from "@ketnoi/functions/data/notifications";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { type DynamoLocal, startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { type MailDev, startMailDev } from "@ketnoi/functions/local/maildev";
import { freePort } from "@ketnoi/functions/local/ports";
import { localS3Credentials } from "@ketnoi/functions/local/s3-credentials";
import { startLocalS3 } from "@ketnoi/functions/local/s3-local";
import { ensureTable, localClient } from "@ketnoi/functions/local/tables";
import { type RouteGroupName, routeGroupOf, routeGroups } from "@ketnoi/functions/routes/groups";
import { seedDemoData } from "@ketnoi/functions/seed/seed";
import { startCognitoStandIn } from "@ketnoi/functions/test/cognito-local";
import { headerOf, mailSource, mailsTo } from "@ketnoi/functions/test/maildev";
import { type SesStandIn, startSesStandIn } from "@ketnoi/functions/test/ses";
import { build } from "esbuild";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupFunctions } from "./api";
import { esbuildOptions } from "./function";
import { apiEntry, filesEntry, groupEntry, mailConsumerEntry, repoRoot, streamEntry } from "./paths";

// Issue 14: each Lambda bundle, built exactly as it deploys (esbuildOptions), run in a fresh Node process with real
// events against DynamoDB Local holding the demo data — one route of every route group (routes/groups.ts) through an
// API Gateway v2 event to the function that serves it (API or files), a stream record through the consumer, a run of the retention job. The bundles replace
// packages with lighter modules (infra/function.ts bundleAliases), which tests of the sources never see: this is
// where a route broken only in the bundle shows. The API verifies tokens as deployed (DEV_AUTH off, a remote JWKS).
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "ketnoi-bundle-routes-"));
const tableName = "ketnoi-bundle-routes";
let dynamo: DynamoLocal;
let jwksServer: Server;
let jwksUrl: string;
const users = {} as Record<"student" | "province" | "admin", { userId: string; email: string; displayName: string }>;
let listingId: string;
let studentImage: Record<string, unknown>;

/** Every item of one entity: a Scan reads 1 MB a page, and the demo is larger than one page. */
async function scanEntity(entity: string) {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await localClient(dynamo.endpoint).send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "#e = :e",
        ExpressionAttributeNames: { "#e": "__edb_e__" },
        ExpressionAttributeValues: { ":e": { S: entity } },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

beforeAll(async () => {
  dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
  // This process seeds the table and signs tokens with the development key; the bundles only verify them.
  useLocalConfig({ endpoint: dynamo.endpoint, tableName, apiUrl: "http://127.0.0.1:1" });
  await ensureTable(dynamo.endpoint, tableName);
  const built = Promise.all(
    [
      ["api", apiEntry],
      ["files", filesEntry],
      ...groupFunctions.map((group) => [group, groupEntry(group)]),
      ["stream", streamEntry],
      ["retention", join(repoRoot, "functions/src/retention-lambda.ts")],
      ["mail", mailConsumerEntry],
    ].map(([name, entry]) => build({ ...esbuildOptions(entry!, join(dir, `${name}.mjs`)), logLevel: "silent" })),
  );
  // The accounts and current listings are enough here: the years of history only make the seed slower.
  await seedDemoData({ history: false });
  const people = (await scanEntity("user")).map((item) => unmarshall(item));
  for (const role of ["student", "province", "admin"] as const) {
    const person = people.find((p) => p.role === role);
    if (!person) throw new Error(`the demo data has no ${role}`);
    users[role] = { userId: person.userId, email: person.email, displayName: person.displayName };
  }
  const listing = (await scanEntity("listing")).map((item) => unmarshall(item)).find((l) => l.status === "published");
  listingId = listing!.listingId;
  studentImage = (await scanEntity("student"))[0]!;
  // The identity provider's JWKS, as Cognito publishes it; the API bundle fetches it like the deployed one.
  const jwks = JSON.stringify(await devJwks());
  jwksServer = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwks));
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`;
  await built;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => jwksServer?.close(resolve));
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The deployed configuration, on DynamoDB Local; S3 is never reached by the routes driven here. */
const deployEnv = () => ({
  PATH: process.env.PATH,
  STAGE: "prod",
  TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  AWS_REGION: "ap-southeast-1",
  AUTH_ISSUER: config().AUTH_ISSUER,
  AUTH_AUDIENCE: config().AUTH_AUDIENCE,
  AUTH_JWKS_URL: jwksUrl,
  DEV_AUTH: "false",
  SERVER_SECRET: "a-deploy-secret-of-at-least-32-characters",
  WEB_ORIGIN: "https://ketnoi.example",
  SEARCH_BUCKET: "ketnoi-prod-search-snapshots",
  SEARCH_KEY: "search/listings.json",
  CANDIDATES_KEY: "candidates/pool.json",
  AWS_ENDPOINT_URL_S3: "http://127.0.0.1:9",
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
});

/** Imports `bundle` in a fresh Node process and calls its handler with each event in turn; resolves with the results. */
async function invoke(bundle: string, events: unknown[], env: Record<string, string> = {}): Promise<unknown[]> {
  const runner = join(dir, `invoke-${bundle}.mjs`);
  writeFileSync(
    runner,
    `import { handler } from "./${bundle}.mjs";
const context = { getRemainingTimeInMillis: () => 600000 };
const results = [];
for (const event of JSON.parse(process.argv[2])) results.push(await handler(event, context));
process.stdout.write("\\n@@" + JSON.stringify(results));`,
  );
  const { stdout } = await run(process.execPath, [runner, JSON.stringify(events)], {
    cwd: dir,
    env: { ...deployEnv(), ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // The functions log JSON lines to stdout too: the results are what follows the marker.
  return JSON.parse(stdout.slice(stdout.lastIndexOf("\n@@") + 3));
}

/** An API Gateway v2 (HTTP API, payload 2.0) GET request. */
function httpGet(path: string, token?: string) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "api.example", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    isBase64Encoded: false,
    requestContext: {
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "test" },
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

/** An API Gateway v2 request with a method, a bearer token and a JSON body. */
function httpRequest(method: string, path: string, token: string, body?: unknown) {
  const event = httpGet(path, token);
  return {
    ...event,
    headers: { ...event.headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method } },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

describe("the built route group bundles, one route of every route group", () => {
  it("answers each group's route from its function as the sources do, tokens verified against the remote JWKS", async () => {
    const student = await signDevToken({ ...users.student, role: "student" });
    const province = await signDevToken({ ...users.province, role: "province" });
    // One per group (routes/groups.ts); a group added there without a route here fails below.
    const routes: Record<RouteGroupName, { path: string; token?: string; check: (body: string) => void }> = {
      health: { path: "/api/health", check: (body) => expect(JSON.parse(body)).toMatchObject({ status: "ok" }) },
      // Listing detail (GET /listings/{id}), search and recommendations: the reads without ElectroDB.
      browse: {
        path: `/api/listings/${listingId}`,
        check: (body) => expect(JSON.parse(body)).toMatchObject({ id: listingId, status: "published" }),
      },
      // The rest of /listings: the feed and the writes.
      catalog: {
        path: "/api/listings",
        check: (body) => expect(JSON.parse(body).items.length).toBeGreaterThan(0),
      },
      organisations: {
        path: "/api/organisations",
        check: (body) => expect(JSON.parse(body).items.length).toBeGreaterThan(0),
      },
      work: {
        path: "/api/applications/mine",
        token: student,
        check: (body) => expect(Array.isArray(JSON.parse(body).items)).toBe(true),
      },
      // A student's rounds (their school's and the province's they may join): a list, maybe empty.
      placement: {
        path: "/api/placement-rounds",
        token: student,
        check: (body) => expect(Array.isArray(JSON.parse(body).items)).toBe(true),
      },
      account: {
        path: "/api/me",
        token: student,
        check: (body) => expect(JSON.parse(body)).toMatchObject({ id: users.student.userId, role: "student" }),
      },
      files: {
        path: "/api/files/cv",
        token: student,
        check: (body) => expect(Array.isArray(JSON.parse(body).items)).toBe(true),
      },
      insights: {
        path: "/api/dashboard",
        token: province,
        check: (body) => expect(JSON.parse(body)).toBeTypeOf("object"),
      },
    };
    expect(Object.keys(routes).sort()).toEqual(Object.keys(routeGroups).sort());
    for (const [group, { path }] of Object.entries(routes)) expect(routeGroupOf(path), path).toBe(group);

    // Each group is served by its own function (infra/api.ts): files-lambda.ts for files, lambdas/<group>.ts else.
    const other = (group: string) => (group === "health" ? routes.browse.path : routes.health.path);
    for (const [group, { path, token, check }] of Object.entries(routes)) {
      const results = (await invoke(group, [
        httpGet(path, token),
        // Only its own group is mounted: another group's path is not this function's (the gateway never sends it).
        httpGet(other(group)),
      ])) as { statusCode: number; body: string }[];
      expect(results[0]!.statusCode, `${group} ${path}: ${results[0]!.body}`).toBe(200);
      check(results[0]!.body);
      expect(results[1]!.statusCode, `${group} serves ${other(group)}`).toBe(404);
    }
    // The same authorization in every function: a private route without a token is refused before the route runs.
    for (const group of ["work", "placement", "account", "insights", "files"] as const) {
      const [anonymous] = (await invoke(group, [httpGet(routes[group].path)])) as { statusCode: number }[];
      expect(anonymous!.statusCode, group).toBe(401);
    }

    // The docs function: one OpenAPI surface, every group's paths included, served as built (npm run openapi);
    // compressed for a client that accepts gzip. It mounts no route group: their paths are their functions'.
    const plain = httpGet("/api/openapi.json");
    const gzip = { ...plain, headers: { ...plain.headers, "accept-encoding": "gzip, br" } };
    const results = (await invoke("api", [
      httpGet("/api/openapi.json"),
      gzip,
      httpGet("/api/docs"),
      httpGet(routes.browse.path),
      httpGet("/api/files/cv", student),
    ])) as { statusCode: number; body: string; isBase64Encoded: boolean; headers: Record<string, string> }[];
    const doc = JSON.parse(results[0]!.body);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(Object.values(routes).map(({ path }) => path.replace(listingId, "{id}"))),
    );
    expect(results[1]!.headers["content-encoding"]).toBe("gzip");
    expect(results[1]!.isBase64Encoded).toBe(true);
    expect(JSON.parse(gunzipSync(Buffer.from(results[1]!.body, "base64")).toString("utf8"))).toEqual(doc);
    expect(results[2]!.statusCode).toBe(200);
    expect(results[2]!.body).toContain("/api/listings/{id}");
    expect(results[3]!.statusCode).toBe(404);
    expect(results[4]!.statusCode).toBe(404);
  }, 300_000);
});

describe("the built route group bundles validate as the sources do, without hono-openapi's converters", () => {
  // The bundles replace hono-openapi by functions/src/bundle/hono-openapi-lean.ts (infra/function.ts bundleAliases):
  // the same sValidator of @hono/standard-validator, the routes' declarations kept for signInFirst. The sources'
  // app (this process, the real hono-openapi) answers the same requests on the same table: the refusals must be the
  // same bytes, the validated values (trimmed text, query strings turned numbers and flags) the same.
  type Result = { statusCode: number; body: string };
  // Imported here, not at the top: the sources' whole app is only this block's (and its import is heavy).
  let sources: ReturnType<typeof import("@ketnoi/functions/app").createApp> | undefined;
  type Request = {
    rawPath: string;
    rawQueryString: string;
    headers: Record<string, string>;
    body?: string;
    requestContext: { http: { method: string } };
  };
  const fromSources = async (event: Request): Promise<Result> => {
    sources ??= (await import("@ketnoi/functions/app")).createApp();
    const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
    const res = await sources.request(
      `${event.rawPath}${query}`,
      { method: event.requestContext.http.method, headers: event.headers, body: event.body },
      { incoming: { socket: { remoteAddress: "127.0.0.1" } } },
    );
    return { statusCode: res.status, body: await res.text() };
  };
  const withQuery = (event: ReturnType<typeof httpGet>, query: string) => ({ ...event, rawQueryString: query });
  /** A result without what differs from one write to the next (ids, times). */
  const comparable = ({ statusCode, body }: Result) => {
    const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = JSON.parse(body);
    return { statusCode, ...rest };
  };

  it("refuses the same invalid body and query with the same 400, and answers anonymous callers of a private route 401 first", async () => {
    const student = await signDevToken({ ...users.student, role: "student" });
    const refusals: [string, ReturnType<typeof httpGet>][] = [
      [
        "account",
        httpRequest("POST", "/api/saved-searches", student, { name: "   ", criteria: { paid: "maybe" }, extra: 1 }),
      ],
      ["account", httpRequest("POST", "/api/saved-searches", student, { criteria: "du lịch" })],
      ["catalog", withQuery(httpGet("/api/listings"), "limit=abc&type=nope")],
      ["catalog", withQuery(httpGet("/api/listings"), "limit=500")],
      ["browse", withQuery(httpGet("/api/search"), "limit=0&skill=not-a-skill")],
    ];
    for (const [group, event] of refusals) {
      const [bundled] = (await invoke(group, [event])) as Result[];
      const source = await fromSources(event);
      const what = `${group} ${event.requestContext.http.method} ${event.rawPath}?${event.rawQueryString}`;
      expect([bundled!.statusCode, JSON.parse(bundled!.body).error.code], what).toEqual([400, "validation_failed"]);
      expect(JSON.parse(bundled!.body).error.details.length, what).toBeGreaterThan(0);
      expect([bundled!.statusCode, bundled!.body], what).toEqual([source.statusCode, source.body]);
    }
    // No token, an invalid body: the private route says 401 before its validator runs (signInFirst reads the
    // routes' declarations, which the stand-in keeps as hono-openapi does).
    const anonymous = {
      ...httpRequest("POST", "/api/saved-searches", "x", { name: "" }),
      headers: { host: "api.example", "content-type": "application/json" },
    };
    const [bundled] = (await invoke("account", [anonymous])) as Result[];
    expect([bundled!.statusCode, JSON.parse(bundled!.body).error.code]).toEqual([401, "unauthenticated"]);
    const source = await fromSources(anonymous);
    expect([bundled!.statusCode, bundled!.body]).toEqual([source.statusCode, source.body]);
  }, 180_000);

  it("hands the routes the same validated values: text trimmed, defaults filled in, a query string a number", async () => {
    const student = await signDevToken({ ...users.student, role: "student" });
    // The criteria's defaults are filled in by the schema (deadlineAhead true, verifiedOnly false); the name and
    // the query are trimmed.
    const save = httpRequest("POST", "/api/saved-searches", student, {
      name: "  Gói kiểm tra  ",
      criteria: { q: "  du lịch  ", paid: true },
    });
    const [bundled] = (await invoke("account", [save])) as Result[];
    const source = await fromSources(save);
    expect(bundled!.statusCode, bundled!.body).toBe(201);
    expect(JSON.parse(bundled!.body)).toMatchObject({
      name: "Gói kiểm tra",
      criteria: { q: "du lịch", paid: true, deadlineAhead: true, verifiedOnly: false },
    });
    expect(comparable(bundled!)).toEqual(comparable(source));
    // `limit` arrives as the number 2 (a page of two, the same two); the source's page is the same.
    const page = withQuery(httpGet("/api/listings"), "limit=2");
    const [feed] = (await invoke("catalog", [page])) as Result[];
    expect(feed!.statusCode, feed!.body).toBe(200);
    expect(JSON.parse(feed!.body).items).toHaveLength(2);
    // The cursor is signed with each app's own secret; the page itself is the same.
    expect(JSON.parse(feed!.body).items).toEqual(JSON.parse((await fromSources(page)).body).items);
  }, 180_000);
});

describe("the built files bundle (split: pdf-lib a chunk of its own)", () => {
  // The files function is built with code splitting (infra/function.ts splitEntries): index.mjs holds neither the S3
  // SDK nor pdf-lib (bundle-contents.test.ts), the first PDF check loads pdf-lib's chunk from chunks/ beside it. This
  // runs that whole upload from the built files: the form signed by the bundle, the file sent to s3rver as a browser
  // sends it, the check (the chunk loaded, the pages counted, the object copied by the bundle's signed fetch).
  it("gives an upload form, then checks the uploaded PDF with pdf-lib from its chunk and marks it ready", async () => {
    const bucket = "ketnoi-bundle-files";
    const s3 = await startLocalS3({ port: await freePort(), buckets: [bucket] });
    try {
      const env = {
        S3_ENDPOINT: s3.endpoint,
        FILES_BUCKET: bucket,
        S3_ACCESS_KEY_ID: localS3Credentials.accessKeyId,
        S3_SECRET_ACCESS_KEY: localS3Credentials.secretAccessKey,
      };
      const student = await signDevToken({ ...users.student, role: "student" });
      const document = await PDFDocument.create();
      document.addPage();
      document.addPage();
      const pdf = await document.save();
      const [started] = (await invoke(
        "files",
        [httpRequest("POST", "/api/files/cv", student, { name: "CV bundle", size: pdf.length })],
        env,
      )) as { statusCode: number; body: string }[];
      expect(started!.statusCode, started!.body).toBe(201);
      const { file, upload } = JSON.parse(started!.body);
      const form = new FormData();
      for (const [name, value] of Object.entries(upload.fields as Record<string, string>)) form.append(name, value);
      form.append("file", new Blob([pdf], { type: "application/pdf" }), "cv.pdf");
      const sent = await fetch(upload.url, { method: "POST", body: form });
      expect(sent.status).toBeLessThan(300);
      const [checked, download] = (await invoke(
        "files",
        [
          httpRequest("POST", `/api/files/cv/${file.id}/check`, student),
          httpGet(`/api/files/cv/${file.id}/download`, student),
        ],
        env,
      )) as { statusCode: number; body: string }[];
      expect(checked!.statusCode, checked!.body).toBe(200);
      expect(JSON.parse(checked!.body)).toMatchObject({ id: file.id, status: "ready", pages: 2, size: pdf.length });
      // The promoted object, through the download link the bundle signed.
      const link = await fetch(JSON.parse(download!.body).url);
      expect(link.status).toBe(200);
      expect(Buffer.from(await link.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    } finally {
      await s3.stop();
    }
  }, 120_000);
});

describe("the built split group bundles load their writers on first use", () => {
  // catalog, work and insights are built split (infra/function.ts splitEntries): the calendar writer and the XLSX
  // writer are chunks beside index.mjs (bundle-contents.test.ts), which only these requests load.
  it("the work function writes an interview's calendar with ics from its chunk; insights exports XLSX from its own", async () => {
    // A scheduled interview on another published listing than the group routes' one, set up through the data layer.
    const listings = (await scanEntity("listing")).map((item) => unmarshall(item));
    const other = listings.find((l) => l.status === "published" && l.listingId !== listingId)!;
    const listing = (await getListing(other.listingId))!;
    const submitted = await submitApplication(listing, users.student.userId, { answers: [] });
    const inInterview = await transitionApplication(submitted, listing, "organisation", {
      to: "interview",
      version: submitted.version,
    });
    const day = todayInVietnam(new Date(Date.now() + 3 * 86_400_000));
    const proposal: InterviewPropose = {
      slots: [{ date: day, startTime: "09:30", durationMinutes: 45 }],
      mode: "in_person",
      communeId: "p-tran-bien",
      address: "Lô A2, KCN Amata",
    };
    const proposed = await proposeInterview(inInterview, proposal);
    await changeInterview(proposed, "student", { action: "pick", slotId: proposed.slots[0]!.id }, proposed.version);

    const student = await signDevToken({ ...users.student, role: "student" });
    const province = await signDevToken({ ...users.province, role: "province" });
    const [calendar] = (await invoke("work", [
      httpGet(`/api/applications/${submitted.id}/interview/calendar`, student),
    ])) as { statusCode: number; body: string; isBase64Encoded: boolean; headers: Record<string, string> }[];
    expect(calendar!.statusCode, calendar!.body).toBe(200);
    expect(calendar!.headers["content-type"]).toContain("text/calendar");
    // API Gateway gets it base64-encoded: hono's Lambda adapter sends as binary every type but text/plain, html, css,
    // javascript, csv and JSON/XML; API Gateway decodes it for the client.
    const ics = calendar!.isBase64Encoded ? Buffer.from(calendar!.body, "base64").toString("utf8") : calendar!.body;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:interview-${proposed.interviewId}@ketnoi`);

    const exportEvent = { ...httpGet("/api/dashboard/export", province), rawQueryString: "table=all&format=xlsx" };
    const [workbook] = (await invoke("insights", [exportEvent])) as {
      statusCode: number;
      body: string;
      isBase64Encoded: boolean;
      headers: Record<string, string>;
    }[];
    expect(workbook!.statusCode, workbook!.body).toBe(200);
    expect(workbook!.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(workbook!.isBase64Encoded).toBe(true);
    // A zip (its local file headers name each part uncompressed) holding a workbook.
    const bytes = Buffer.from(workbook!.body, "base64");
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(bytes.includes("xl/workbook.xml")).toBe(true);
  }, 180_000);
});

describe("what the built bundles load at import", () => {
  // An ES import of node:http makes Node 22 load undici (fetch, web streams, ~13–18 ms) through the module namespace
  // it builds; the signed transport loads node:http(s) as CommonJS when it first sends (aws/signed-post-node.ts). The
  // Hono functions load the web Request on purpose at import (http/lambda-handle.ts): their adapter needs it for the
  // first request. The others never build one, and so never load undici when imported.
  it("loads undici in the Hono functions only", async () => {
    const loadsUndici = async (bundle: string) => {
      const runner = join(dir, `undici-${bundle}.mjs`);
      writeFileSync(
        runner,
        `await import("./${bundle}.mjs");
process.stdout.write("\\n@@" + process.moduleLoadList.some((m) => m.includes("internal/deps/undici")));`,
      );
      const { stdout } = await run(process.execPath, [runner], { cwd: dir, env: deployEnv(), encoding: "utf8" });
      return stdout.slice(stdout.lastIndexOf("\n@@") + 3) === "true";
    };
    expect(await loadsUndici("stream")).toBe(false);
    expect(await loadsUndici("retention")).toBe(false);
    expect(await loadsUndici("health")).toBe(true);
    expect(await loadsUndici("browse")).toBe(true);
  }, 60_000);
});

describe("the built lean bundles when DynamoDB cannot answer", () => {
  // health and browse reach DynamoDB through the signed-fetch transport (functions/src/db/transport-fetch.ts), which
  // the tests of the sources never run: a database that refuses connections, or accepts them and never answers,
  // must still be the API's 503 `database_unavailable` (routes/outage.test.ts holds the sources to it).
  it("answer 503 database_unavailable from a refused and from a hung endpoint, within the request timeout", async () => {
    const sockets: import("node:net").Socket[] = [];
    const { createServer: createTcpServer } = await import("node:net");
    const hung = createTcpServer((socket) => {
      sockets.push(socket);
      socket.on("data", () => {});
    });
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    try {
      const endpoints = {
        refused: `http://127.0.0.1:${await freePort()}`,
        hung: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`,
      };
      for (const [what, endpoint] of Object.entries(endpoints)) {
        const env = { DYNAMODB_ENDPOINT: endpoint, DYNAMODB_REQUEST_TIMEOUT_MS: "500" };
        const [detail] = (await invoke("browse", [httpGet(`/api/listings/${listingId}`)], env)) as {
          statusCode: number;
          body: string;
        }[];
        expect([detail!.statusCode, JSON.parse(detail!.body).error?.code], `browse, ${what}`).toEqual([
          503,
          "database_unavailable",
        ]);
        const [health] = (await invoke("health", [httpGet("/api/health")], env)) as {
          statusCode: number;
          body: string;
        }[];
        expect([health!.statusCode, JSON.parse(health!.body).database], `health, ${what}`).toEqual([
          503,
          "unavailable",
        ]);
      }
      expect(sockets.length, "requests that reached the hung endpoint").toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => hung.close(resolve));
    }
  }, 120_000);
});

describe("the built account bundle writes without ElectroDB", () => {
  it("saves a search, exports a student's data and erases the account (its Cognito user too), over the lite writes and transactions", async () => {
    // Another demo student than the one the group routes use (the erasure is final), with an application: it is
    // kept anonymous, in a transaction (the old key deleted under its version, the copy created).
    const student = (await scanEntity("user"))
      .map((item) => unmarshall(item))
      .find((u) => u.role === "student" && u.userId !== users.student.userId && !u.erasedAt)!;
    await submitApplication((await getListing(listingId))!, student.userId, { answers: [] });
    const token = await signDevToken({
      userId: student.userId,
      email: student.email,
      displayName: student.displayName,
      role: "student",
    });
    // Its user pool: a local stand-in that speaks Cognito's JSON 1.1 protocol and checks the SigV4 signature
    // (functions/test/cognito-local.ts); the bundle signs with the environment's keys, as in Lambda.
    const poolId = "ap-southeast-1_BundleE1";
    const cognito = await startCognitoStandIn({
      region: "ap-southeast-1",
      poolId,
      accessKeyId: deployEnv().AWS_ACCESS_KEY_ID,
      secretAccessKey: deployEnv().AWS_SECRET_ACCESS_KEY,
      users: [student.userId],
    });
    const [saved, exported, erased, after] = (await invoke(
      "account",
      [
        httpRequest("POST", "/api/saved-searches", token, { name: "Gói bundle", criteria: { q: "du lịch" } }),
        httpRequest("GET", "/api/students/me/export", token),
        httpRequest("DELETE", "/api/students/me", token, { confirm: erasureConfirmation }),
        httpRequest("GET", "/api/saved-searches", token),
      ],
      { COGNITO_USER_POOL_ID: poolId, COGNITO_ENDPOINT: cognito.endpoint },
    ).finally(() => cognito.stop())) as { statusCode: number; body: string }[];
    // The erasure deleted the Cognito user with one signed AdminDeleteUser (no SDK client in this bundle).
    expect(cognito.received).toEqual([
      expect.objectContaining({
        target: "AWSCognitoIdentityProviderService.AdminDeleteUser",
        body: { UserPoolId: poolId, Username: student.userId },
        signatureValid: true,
      }),
    ]);
    expect(cognito.users.has(student.userId)).toBe(false);
    expect(saved!.statusCode, saved!.body).toBe(201);
    expect(exported!.statusCode, exported!.body).toBe(200);
    const data = JSON.parse(exported!.body);
    expect(data.sections.user[0]).toMatchObject({ userId: student.userId, email: student.email });
    expect(data.sections.savedSearch.map((s: { name: string }) => s.name)).toContain("Gói bundle");
    expect(erased!.statusCode, erased!.body).toBe(200);
    const receipt = JSON.parse(erased!.body);
    expect(receipt.deleted).toContainEqual({ section: "savedSearch", count: data.sections.savedSearch.length });
    // The erased account's token is refused from then on.
    expect(after!.statusCode).toBeGreaterThanOrEqual(400);
    const tombstone = (await scanEntity("user"))
      .map((item) => unmarshall(item))
      .find((u) => u.userId === student.userId);
    expect(tombstone).toMatchObject({ email: "", displayName: "" });
    expect(tombstone!.erasedAt).toBeTypeOf("string");
    expect((await scanEntity("savedSearch")).filter((s) => s.userId?.S === student.userId)).toEqual([]);
    // Applications are kept anonymous (a transaction per record, with the listing's demand counter).
    expect((await scanEntity("application")).filter((a) => a.studentId?.S === student.userId)).toEqual([]);
    expect(receipt.kept.map((k: { section: string }) => k.section)).toContain("application");
  }, 180_000);
});

describe("the built insights bundle writes without ElectroDB", () => {
  it("saves a target and its versions in one transaction, refuses a stale one, and pages the audit log by cursor", async () => {
    // The insights function is lean (infra/function.ts bundleAliases): its target transaction, the audit entries it
    // writes and the log's cursor pages go through the signed-fetch transport, which the sources' tests never run.
    const province = await signDevToken({ ...users.province, role: "province" });
    const admin = await signDevToken({ ...users.admin, role: "admin" });
    const withQuery = (event: ReturnType<typeof httpGet>, query: string) => ({ ...event, rawQueryString: query });
    const body = { year: 2099, field: "semiconductors", counts: { internships: 7, visits: 1, jobs: 2, trainings: 0 } };
    const [created, again, changed, stale, history] = (await invoke("insights", [
      httpRequest("PUT", "/api/targets", province, body),
      httpRequest("PUT", "/api/targets", province, body),
      httpRequest("PUT", "/api/targets", province, { ...body, counts: { ...body.counts, internships: 9 }, version: 1 }),
      httpRequest("PUT", "/api/targets", province, { ...body, version: 1 }),
      withQuery(httpGet("/api/targets/history", province), "year=2099&field=semiconductors"),
    ])) as { statusCode: number; body: string }[];
    expect(created!.statusCode, created!.body).toBe(200);
    expect([again!.statusCode, JSON.parse(again!.body).error.code]).toEqual([409, "already_exists"]);
    expect(JSON.parse(changed!.body)).toMatchObject({ version: 2, counts: { internships: 9 }, universityId: null });
    expect([stale!.statusCode, JSON.parse(stale!.body).error.code]).toEqual([409, "version_conflict"]);
    expect(
      JSON.parse(history!.body).items.map((v: { version: number; counts: { internships: number } }) => [
        v.version,
        v.counts.internships,
      ]),
    ).toEqual([
      [2, 9],
      [1, 7],
    ]);
    // Newest first, one entry a page: the two saves, each page's cursor leading to the next.
    const [first] = (await invoke("insights", [withQuery(httpGet("/api/audit", admin), "limit=1")])) as {
      statusCode: number;
      body: string;
    }[];
    const page1 = JSON.parse(first!.body);
    expect(page1.items).toMatchObject([{ action: "target.save", filters: { year: "2099", version: "2" } }]);
    const [second] = (await invoke("insights", [
      withQuery(httpGet("/api/audit", admin), `limit=1&cursor=${encodeURIComponent(page1.cursor)}`),
    ])) as { statusCode: number; body: string }[];
    expect(JSON.parse(second!.body).items).toMatchObject([{ action: "target.save", filters: { version: "1" } }]);
  }, 180_000);
});

describe("the built stream consumer and retention bundles", () => {
  it("the consumer applies a stream record on DynamoDB Local and reports no failure", async () => {
    const record = {
      eventID: "bundle-routes-1",
      eventName: "MODIFY",
      eventSourceARN: `arn:aws:dynamodb:ap-southeast-1:1:table/${tableName}/stream/x`,
      dynamodb: { NewImage: studentImage, OldImage: studentImage, SequenceNumber: "1" },
    };
    expect(await invoke("stream", [{ Records: [record] }])).toEqual([{ batchItemFailures: [] }]);
  }, 120_000);

  it("the retention job runs to completion over the demo data", async () => {
    const [report] = (await invoke("retention", [{}])) as { complete: boolean }[];
    expect(report).toMatchObject({ complete: true });
  }, 120_000);
});

describe("the built mail consumer bundle", () => {
  let maildev: MailDev | undefined;
  let ses: SesStandIn | undefined;
  afterAll(async () => {
    await ses?.stop();
    await maildev?.stop();
  });
  /** A stored notice of the student's, as the table stream delivers its INSERT. */
  const noticeRecord = async (title: string, sequence: string, link?: string) => {
    await notify(users.student.userId, {
      kind: "booking_confirmed",
      title: { vi: title, en: title },
      ...(link ? { link } : {}),
    });
    const stored = (await scanEntity("notification")).find(
      (item) => item.userId?.S === users.student.userId && item.title?.M?.vi?.S === title,
    )!;
    return {
      eventID: `bundle-mail-${sequence}`,
      eventName: "INSERT",
      eventSourceARN: `arn:aws:dynamodb:ap-southeast-1:1:table/${tableName}/stream/x`,
      dynamodb: { NewImage: stored, SequenceNumber: sequence },
    };
  };
  // As deployed (infra/mail.ts environment), with SES v2 at a local endpoint.
  const sesEnv = (endpoint: string) => ({
    MAIL_TRANSPORT: "ses",
    MAIL_FROM: "KetNoi <no-reply@ketnoi.example>",
    SES_CONFIGURATION_SET: "ketnoi-prod",
    AWS_ENDPOINT_URL_SESV2: endpoint,
  });

  it("mails a notice from its stream INSERT record once, through SES v2 into maildev, however often it is delivered", async () => {
    // SES's part played by a stand-in that hands each raw message to maildev over SMTP, as SES hands it on: what
    // arrives is the MIME the bundle composed, parsed by a real mail server.
    maildev = await startMailDev({ smtpPort: await freePort(), webPort: await freePort() });
    ses = await startSesStandIn({ relayToSmtpPort: maildev.smtpPort });
    const record = await noticeRecord("Đã xác nhận lịch tham quan (bundle)", "7", "/lich-tham-quan");
    expect(await invoke("mail", [{ Records: [record] }, { Records: [record] }], sesEnv(ses.endpoint))).toEqual([
      { batchItemFailures: [] },
      { batchItemFailures: [] },
    ]);
    const mails = await mailsTo(maildev.webUrl, users.student.email);
    expect(mails.map((m) => m.subject)).toEqual(["Đã xác nhận lịch tham quan (bundle)"]);
    expect(mails[0]!.text).toContain("https://ketnoi.example/lich-tham-quan");
    const source = await mailSource(maildev.webUrl, mails[0]!.id);
    expect(headerOf(source, "List-Unsubscribe")).toMatch(
      /^<https:\/\/ketnoi\.example\/api\/mail\/unsubscribe\?token=[\w.-]+>$/,
    );
    expect(headerOf(source, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  }, 120_000);

  it("sends through SES v2 as deployed: one SendEmail with the configuration set and the unsubscribe headers", async () => {
    // An HTTP endpoint in SES v2's place (AWS_ENDPOINT_URL_SESV2): it records what the bundle's signed fetch really
    // sends (functions/src/mail/ses-fetch.ts), and answers as SES does.
    await ses?.stop();
    ses = await startSesStandIn();
    const record = await noticeRecord("Lịch tham quan qua SES", "8");
    expect(await invoke("mail", [{ Records: [record] }, { Records: [record] }], sesEnv(ses.endpoint))).toEqual([
      { batchItemFailures: [] },
      { batchItemFailures: [] },
    ]);
    const requests = ses.requests;
    expect(requests.map((r) => r.path)).toEqual(["/v2/email/outbound-emails"]);
    // Signed with the role's keys from the environment, for SES in the function's region.
    expect(requests[0]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-1\/ses\/aws4_request, /,
    );
    const sent = requests[0]!.body as {
      ConfigurationSetName: string;
      FromEmailAddress: string;
      Destination: { ToAddresses: string[] };
      Content: { Raw: { Data: string } };
    };
    expect(sent.ConfigurationSetName).toBe("ketnoi-prod");
    expect(sent.FromEmailAddress).toBe("KetNoi <no-reply@ketnoi.example>");
    expect(sent.Destination.ToAddresses).toEqual([users.student.email]);
    const raw = Buffer.from(sent.Content.Raw.Data, "base64").toString("utf8");
    expect(raw).toContain(`To: ${users.student.email}`);
    expect(raw).toContain("From: KetNoi <no-reply@ketnoi.example>");
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  }, 120_000);

  it("carries no SMTP transport: configured for SMTP, it mails nothing and hands the record back to the stream", async () => {
    const record = await noticeRecord("Không có SMTP trong bản triển khai", "9");
    const smtpEnv = {
      MAIL_TRANSPORT: "smtp",
      SMTP_PORT: String(maildev!.smtpPort),
      MAIL_FROM: "KetNoi <no-reply@ketnoi.example>",
    };
    expect(await invoke("mail", [{ Records: [record] }], smtpEnv)).toEqual([
      { batchItemFailures: [{ itemIdentifier: "9" }] },
    ]);
    expect((await mailsTo(maildev!.webUrl, users.student.email)).map((m) => m.subject)).not.toContain(
      "Không có SMTP trong bản triển khai",
    );
  }, 120_000);
});
