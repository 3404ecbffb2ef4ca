import { AwsClient } from "aws4fetch";
import type { DataConfig } from "../config";
import type { S3ObjectLocation } from "./s3-store";
import { type S3ObjectClient, SnapshotConflictError, type SnapshotStore, s3SnapshotStore } from "./snapshot-store";

/** How to reach S3: the Lambda runtime's region and role keys; `endpoint` for a local S3 (path-style URLs). */
export interface S3FetchOptions {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  endpoint?: string;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
}

/** The `<Code>` of S3's XML error body, for the error message. */
const s3ErrorCode = (xml: string) => xml.match(/<Code>([^<]+)<\/Code>/)?.[1] ?? "unknown";

/**
 * The snapshot object over S3's REST API with SigV4-signed `fetch` (aws4fetch, ~6 kB) instead of
 * @aws-sdk/client-s3 (~145 kB and ~40 ms of a cold start, issue 14): the same two conditional calls as
 * `s3ObjectClient` in s3-store.ts, with the same outcomes —
 * - get: GET with If-None-Match → body and ETag; 304 is "not-modified", 404 (no snapshot yet) undefined;
 * - put: PUT with If-Match (or If-None-Match: * to create); 412, 409 and, under If-Match, 404 are
 *   SnapshotConflictError. Any other status throws naming S3's error code.
 * aws4fetch retries 5xx and 429 answers itself (2 retries, jittered backoff); each attempt is cut after 10 s so a hung
 * connection cannot take the whole function timeout.
 * @example s3FetchObjectClient({ bucket: "ketnoi-search", key: "search/index.json" }, { region, accessKeyId, secretAccessKey })
 */
export function s3FetchObjectClient({ bucket, key }: S3ObjectLocation, options: S3FetchOptions): S3ObjectClient {
  const aws = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    service: "s3",
    region: options.region,
    retries: 2,
  });
  const path = key.split("/").map(encodeURIComponent).join("/");
  const url = options.endpoint
    ? `${options.endpoint.replace(/\/$/, "")}/${bucket}/${path}`
    : `https://${bucket}.s3.${options.region}.amazonaws.com/${path}`;
  const send = async (init: RequestInit & { headers: Record<string, string> }) => {
    const request = await aws.sign(url, { ...init, signal: AbortSignal.timeout(10_000) });
    return (options.fetch ?? fetch)(request);
  };
  const fail = async (response: Response, what: string): Promise<never> => {
    throw new Error(`s3://${bucket}/${key}: ${what} answered ${response.status} ${s3ErrorCode(await response.text())}`);
  };
  return {
    async get(ifNoneMatch) {
      const response = await send({ method: "GET", headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {} });
      if (response.status === 304) return "not-modified";
      if (response.status === 404) return undefined;
      if (!response.ok) return fail(response, "GetObject");
      const etag = response.headers.get("etag");
      if (!etag) throw new Error(`s3://${bucket}/${key}: GetObject answered without an ETag`);
      return { body: await response.text(), etag };
    },
    async put(body, ifMatch) {
      const response = await send({
        method: "PUT",
        body,
        headers: {
          "content-type": "application/json",
          ...(ifMatch ? { "if-match": ifMatch } : { "if-none-match": "*" }),
        },
      });
      const conflict =
        response.status === 412 || response.status === 409 || (ifMatch !== undefined && response.status === 404);
      if (conflict) {
        await response.body?.cancel();
        throw new SnapshotConflictError();
      }
      if (!response.ok) return fail(response, "PutObject");
      await response.body?.cancel();
      const etag = response.headers.get("etag");
      if (!etag) throw new Error(`s3://${bucket}/${key}: PutObject answered without an ETag`);
      return { etag };
    },
  };
}

/**
 * Where a deploy entry keeps the search snapshot: S3 from SEARCH_BUCKET and SEARCH_KEY, reached with signed fetch and
 * the environment's credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: Lambda sets them) and
 * the SDK's endpoint variables (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL) for a local S3. Same rules as s3-store.ts's
 * `searchStoreFromConfig`: both variables are required when STAGE is not `local` or `test` (this throws naming
 * them); on those two stages without them the result is undefined.
 * @example const store = deployedSearchStore(dataConfig()); if (store) configureSearch({ store, ... })
 */
export function deployedSearchStore(
  cfg: Pick<DataConfig, "STAGE" | "AWS_REGION" | "SEARCH_BUCKET" | "SEARCH_KEY">,
  env: NodeJS.ProcessEnv = process.env,
): SnapshotStore | undefined {
  return deployedSnapshotStore(cfg, "SEARCH_KEY", "the search snapshot", env);
}

/**
 * A snapshot object in the search bucket (SEARCH_BUCKET) under the key named by `keyVariable`, reached with signed
 * fetch and the environment's credentials; the rules of `deployedSearchStore`, shared by every snapshot kept there
 * (the search index, the candidate pool). `what` names the snapshot in the configuration errors.
 */
export function deployedSnapshotStore<K extends "SEARCH_KEY" | "CANDIDATES_KEY">(
  cfg: Pick<DataConfig, "STAGE" | "AWS_REGION" | "SEARCH_BUCKET" | K>,
  keyVariable: K,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): SnapshotStore | undefined {
  const { STAGE, SEARCH_BUCKET } = cfg;
  const key = cfg[keyVariable] as string | undefined;
  if (SEARCH_BUCKET && key) {
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = env;
    if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) {
      throw new Error(
        `Invalid configuration:\n  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: required to read ${what} in S3`,
      );
    }
    const endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
    const client = s3FetchObjectClient(
      { bucket: SEARCH_BUCKET, key },
      {
        region: cfg.AWS_REGION,
        accessKeyId: AWS_ACCESS_KEY_ID,
        secretAccessKey: AWS_SECRET_ACCESS_KEY,
        ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
        ...(endpoint ? { endpoint } : {}),
      },
    );
    return s3SnapshotStore(client);
  }
  if (STAGE === "local" || STAGE === "test") return undefined;
  const missing = [SEARCH_BUCKET ? [] : ["SEARCH_BUCKET"], key ? [] : [keyVariable]].flat();
  throw new Error(
    `Invalid configuration:\n  ${missing.map((name) => `${name}: required when STAGE=${STAGE} (${what} in S3)`).join("\n  ")}`,
  );
}
