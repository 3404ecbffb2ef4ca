import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  PutObjectCommand,
  type PutObjectCommandOutput,
  S3Client,
} from "@aws-sdk/client-s3";
import type { DataConfig } from "../config";
import { s3ClientOptions } from "../s3-options";
import { type S3ObjectClient, SnapshotConflictError, type SnapshotStore, s3SnapshotStore } from "./snapshot-store";

/** Where the snapshot object is: the deploy wiring passes SEARCH_BUCKET and SEARCH_KEY. */
export interface S3ObjectLocation {
  bucket: string;
  key: string;
}

/**
 * The part of S3Client the adapter calls: `send` with a GetObject or a PutObject command. A real S3Client
 * satisfies it; tests pass a small fake that looks at `command.input`.
 */
export interface S3Sender {
  send(command: GetObjectCommand): Promise<Pick<GetObjectCommandOutput, "Body" | "ETag">>;
  send(command: PutObjectCommand): Promise<Pick<PutObjectCommandOutput, "ETag">>;
}

/** An SDK error's code and HTTP status, whichever the SDK filled in. */
function s3Error(error: unknown): { name: string | undefined; status: number | undefined } {
  const err = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return { name: err?.name, status: err?.$metadata?.httpStatusCode };
}

/**
 * The snapshot object over S3's own conditional requests:
 * - read: GetObject with If-None-Match (the ETag this process has) → the body and ETag; a 304 is "not-modified"
 *   and a 404 (no snapshot yet) is undefined. The caller needs s3:ListBucket on the bucket for S3 to answer 404
 *   instead of 403 on a missing object;
 * - write: PutObject with If-Match (the ETag the writer loaded), or If-None-Match: * to create it. S3 answers 412
 *   PreconditionFailed when the object changed, 409 ConditionalRequestConflict when two conditional writes race
 *   and 404 NoSuchKey when an If-Match object was deleted meanwhile: all three are SnapshotConflictError (reload,
 *   re-apply, save again). Every other error is thrown as S3 gave it.
 * @example s3ObjectClient(new S3Client({}), { bucket: "ketnoi-search", key: "search/index.json" })
 */
export function s3ObjectClient(s3: S3Sender, { bucket, key }: S3ObjectLocation): S3ObjectClient {
  return {
    async get(ifNoneMatch) {
      let out: Pick<GetObjectCommandOutput, "Body" | "ETag">;
      try {
        out = await s3.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, ...(ifNoneMatch ? { IfNoneMatch: ifNoneMatch } : {}) }),
        );
      } catch (error) {
        const { name, status } = s3Error(error);
        if (status === 304 || name === "NotModified") return "not-modified";
        if (status === 404 || name === "NoSuchKey") return undefined;
        throw error;
      }
      if (!out.Body || !out.ETag) throw new Error(`s3://${bucket}/${key}: GetObject answered without a body or ETag`);
      return { body: await out.Body.transformToString("utf-8"), etag: out.ETag };
    },
    async put(body, ifMatch) {
      let out: Pick<PutObjectCommandOutput, "ETag">;
      try {
        out = await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentType: "application/json",
            ...(ifMatch ? { IfMatch: ifMatch } : { IfNoneMatch: "*" }),
          }),
        );
      } catch (error) {
        const { name, status } = s3Error(error);
        const conflict =
          status === 412 ||
          name === "PreconditionFailed" ||
          status === 409 ||
          name === "ConditionalRequestConflict" ||
          (ifMatch !== undefined && (status === 404 || name === "NoSuchKey"));
        if (conflict) throw new SnapshotConflictError();
        throw error;
      }
      if (!out.ETag) throw new Error(`s3://${bucket}/${key}: PutObject answered without an ETag`);
      return { etag: out.ETag };
    },
  };
}

/**
 * Where a deploy entry keeps the search snapshot: S3, from SEARCH_BUCKET and SEARCH_KEY. Both are required when
 * STAGE is not `local` or `test` (this throws naming them, like the config parser); on those two stages without
 * them the result is undefined and the stage's default store (file, memory) stays in use.
 * `s3` replaces the S3Client (tests).
 * @example const store = searchStoreFromConfig(dataConfig()); if (store) configureSearch({ store, ... })
 */
export function searchStoreFromConfig(
  cfg: Pick<
    DataConfig,
    | "STAGE"
    | "AWS_REGION"
    | "SEARCH_BUCKET"
    | "SEARCH_KEY"
    | "S3_ENDPOINT"
    | "S3_ACCESS_KEY_ID"
    | "S3_SECRET_ACCESS_KEY"
  >,
  s3?: S3Sender,
): SnapshotStore | undefined {
  const { STAGE, SEARCH_BUCKET, SEARCH_KEY } = cfg;
  if (SEARCH_BUCKET && SEARCH_KEY) {
    const client =
      s3 ??
      new S3Client({
        ...s3ClientOptions(cfg),
        maxAttempts: 3,
        // A cold start downloads a few MB from the same region, well under a second; a hung connection must not
        // take the API function's whole 15 s.
        requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000 },
      });
    return s3SnapshotStore(s3ObjectClient(client, { bucket: SEARCH_BUCKET, key: SEARCH_KEY }));
  }
  if (STAGE === "local" || STAGE === "test") return undefined;
  const missing = [SEARCH_BUCKET ? [] : ["SEARCH_BUCKET"], SEARCH_KEY ? [] : ["SEARCH_KEY"]].flat();
  throw new Error(
    `Invalid configuration:\n  ${missing.map((name) => `${name}: required when STAGE=${STAGE} (the search snapshot in S3)`).join("\n  ")}`,
  );
}
