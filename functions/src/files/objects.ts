import { createHmac } from "node:crypto";
import { cvContentType, maxCvBytes } from "@ketnoi/core";
import { AwsClient } from "aws4fetch";
import { dataConfig } from "../config";
import { AppError } from "../http/errors";
import { presignedExportLink } from "./export-links";
import { filesObjectUrl, signingKeys } from "./signed-s3";
import { uploadKeyOf } from "./upload-key";

// The files function's S3 calls as SigV4-signed fetch (aws4fetch, ~6 kB, as files/signed-s3.ts and export-links.ts)
// rather than @aws-sdk/client-s3 with its presigners (~330 kB with @smithy, issue 14: the files function's cold start).
// The requests are the SDK's own: path-style on a local S3 (S3_ENDPOINT), virtual-hosted on AWS, the same keys.

export { uploadKeyOf };

/** The files bucket; a 503 where it is not configured (a stage deployed without it). */
export function filesBucket(): string {
  const bucket = dataConfig().FILES_BUCKET;
  if (!bucket) throw new AppError("files_unavailable");
  return bucket;
}

/** Attempts per call (the SDK client had maxAttempts 3) and each attempt's ceiling (its requestTimeout). */
const attempts = 3;
const attemptTimeoutMs = 10_000;

/**
 * One signed request to an object of the files bucket. Like the SDK's standard retry strategy: a network failure,
 * a timed-out attempt, 5xx or 429 is tried again (3 attempts, 100 ms then 200 ms apart), each attempt signed anew
 * and cut after 10 s; any other answer is returned as it is.
 */
async function objectRequest(method: string, objectKey: string, headers: Record<string, string> = {}) {
  filesBucket();
  const aws = new AwsClient({ ...signingKeys(), service: "s3", region: dataConfig().AWS_REGION, retries: 0 });
  const url = filesObjectUrl(objectKey).toString();
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await aws.fetch(url, { method, headers, signal: AbortSignal.timeout(attemptTimeoutMs) });
      if ((response.status < 500 && response.status !== 429) || attempt === attempts) return response;
      await response.body?.cancel();
    } catch (error) {
      if (attempt === attempts) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));
  }
}

/** Throws for an answer that is not 2xx, naming the operation (the route's onError answers 500). */
async function ensureOk(response: Response, operation: string, objectKey: string): Promise<void> {
  if (response.ok) return;
  await response.body?.cancel();
  throw new Error(`files: ${operation} ${objectKey} answered ${response.status}`);
}

/** Moves a checked upload to its file's key (server-side copy, then the upload is deleted). */
export async function promoteUpload(objectKey: string): Promise<void> {
  const source = `/${filesBucket()}/${uploadKeyOf(objectKey).split("/").map(encodeURIComponent).join("/")}`;
  const response = await objectRequest("PUT", objectKey, {
    "x-amz-copy-source": source,
    "x-amz-metadata-directive": "REPLACE",
    "content-type": cvContentType,
  });
  await ensureOk(response, "CopyObject", objectKey);
  // S3 may answer a copy 200 and report its failure in the body (the SDK throws then too).
  const body = await response.text();
  if (body.includes("<Error>")) throw new Error(`files: CopyObject ${objectKey} failed: ${body.slice(0, 300)}`);
  await deleteObject(uploadKeyOf(objectKey));
}

/** How long a browser has to send a file once it asked for the upload form. */
export const uploadWindowSeconds = 10 * 60;
/** How long a recruiter's download link works. */
export const downloadLinkSeconds = 5 * 60;

/** An instant as S3's POST policy writes it (ISO 8601 without milliseconds). */
const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/**
 * A presigned POST for one file's upload key (`uploadKeyOf`): its policy fixes the key, the content type (application/pdf) and
 * `content-length-range` 1..`declaredMax`, and expires after the upload window. S3 enforces that policy; s3rver
 * does not (docs/decisions.md), so the API checks every object afterwards anyway (`inspectUpload`).
 * The fields and the policy are the ones @aws-sdk/s3-presigned-post's createPresignedPost wrote, condition for
 * condition and in its order, signed with SigV4 (objects.test.ts compares both byte for byte at one instant).
 */
export async function presignedCvUpload(objectKey: string, declaredMax: number) {
  const Expires = uploadWindowSeconds;
  const { AWS_REGION: region } = dataConfig();
  const bucket = filesBucket();
  const key = uploadKeyOf(objectKey);
  const { accessKeyId, secretAccessKey, sessionToken } = signingKeys();
  const now = new Date();
  const amzDate = iso8601(now).replace(/[-:]/g, "");
  const day = amzDate.slice(0, 8);
  const fields: Record<string, string> = {
    "Content-Type": cvContentType,
    bucket,
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": `${accessKeyId}/${day}/${region}/s3/aws4_request`,
    "X-Amz-Date": amzDate,
    ...(sessionToken ? { "X-Amz-Security-Token": sessionToken } : {}),
  };
  const conditions = [
    ["content-length-range", 1, Math.min(declaredMax, maxCvBytes)],
    ["eq", "$Content-Type", cvContentType],
    ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
    { key },
  ];
  const expiration = iso8601(new Date(now.valueOf() + Expires * 1000));
  const policy = Buffer.from(JSON.stringify({ expiration, conditions }), "utf8").toString("base64");
  // SigV4's signing key (date, region, service) signs the base64 policy itself.
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), "s3"), "aws4_request");
  const signature = hmac(signingKey, policy).toString("hex");
  const url = filesObjectUrl("").toString().replace(/\/$/, "");
  const form: Record<string, string> = { ...fields, key, Policy: policy, "X-Amz-Signature": signature };
  return {
    url,
    fields: form,
    expiresAt: new Date(Date.now() + Expires * 1000).toISOString(),
  };
}

/** The object's size, or undefined when it is not there (never uploaded, or deleted). */
export async function objectSize(objectKey: string): Promise<number | undefined> {
  const response = await objectRequest("HEAD", objectKey);
  if (response.status === 404) return undefined;
  await ensureOk(response, "HeadObject", objectKey);
  return Number(response.headers.get("content-length") ?? 0);
}

/** The whole object (the caller checked its size first). */
export async function readObject(objectKey: string): Promise<Uint8Array> {
  const response = await objectRequest("GET", objectKey);
  await ensureOk(response, "GetObject", objectKey);
  return new Uint8Array(await response.arrayBuffer());
}

/** Deletes an object; deleting one that is not there is no error (S3 answers 204 either way). */
export async function deleteObject(objectKey: string): Promise<void> {
  const response = await objectRequest("DELETE", objectKey);
  if (response.status === 404) return void (await response.body?.cancel());
  await ensureOk(response, "DeleteObject", objectKey);
  await response.body?.cancel();
}

/**
 * A presigned GET valid for `seconds`, answered as an attachment named `fileName` (so a browser saves it rather
 * than showing it on the storage's origin): the export's signer (export-links.ts), the SDK presigner's URL.
 */
export async function presignedDownload(objectKey: string, fileName: string, seconds: number) {
  filesBucket();
  const { url, expiresAt } = await presignedExportLink(objectKey, fileName, seconds);
  return { url, expiresAt, name: fileName };
}
