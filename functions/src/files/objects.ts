import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  S3Client,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { cvContentType, maxCvBytes } from "@ketnoi/core";
import { dataConfig } from "../config";
import { AppError } from "../http/errors";
import { s3ClientOptions } from "../s3-options";
import { attachmentDisposition } from "./disposition";
import { uploadKeyOf } from "./upload-key";

// The only modules that load the S3 client for files are here (through files/live.ts, in the files function and
// locally) and effects/files.ts (the stream consumer): the API function never carries it (docs/architecture.md).
let client: S3Client | undefined;
let clientFor: string | undefined;

/** The S3 client for the files bucket, made once per configuration (tests switch configuration per file). */
function s3(): S3Client {
  const cfg = dataConfig();
  const key = `${cfg.AWS_REGION}|${cfg.S3_ENDPOINT ?? ""}`;
  if (!client || clientFor !== key) {
    client = new S3Client({
      ...s3ClientOptions(cfg),
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000 },
    });
    clientFor = key;
  }
  return client;
}

export { uploadKeyOf };

/** The files bucket; a 503 where it is not configured (a stage deployed without it). */
export function filesBucket(): string {
  const bucket = dataConfig().FILES_BUCKET;
  if (!bucket) throw new AppError("files_unavailable");
  return bucket;
}

/** Moves a checked upload to its file's key (server-side copy, then the upload is deleted). */
export async function promoteUpload(objectKey: string): Promise<void> {
  const bucket = filesBucket();
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: objectKey,
      CopySource: `${bucket}/${uploadKeyOf(objectKey)}`,
      ContentType: cvContentType,
      MetadataDirective: "REPLACE",
    }),
  );
  await deleteObject(uploadKeyOf(objectKey));
}

/** How long a browser has to send a file once it asked for the upload form. */
export const uploadWindowSeconds = 10 * 60;
/** How long a recruiter's download link works. */
export const downloadLinkSeconds = 5 * 60;

/**
 * A presigned POST for one file's upload key (`uploadKeyOf`): its policy fixes the key, the content type (application/pdf) and
 * `content-length-range` 1..`declaredMax`, and expires after the upload window. S3 enforces that policy; s3rver
 * does not (docs/decisions.md), so the API checks every object afterwards anyway (`inspectUpload`).
 */
export async function presignedCvUpload(objectKey: string, declaredMax: number) {
  const Expires = uploadWindowSeconds;
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: filesBucket(),
    Key: uploadKeyOf(objectKey),
    Conditions: [
      ["content-length-range", 1, Math.min(declaredMax, maxCvBytes)],
      ["eq", "$Content-Type", cvContentType],
    ],
    Fields: { "Content-Type": cvContentType },
    Expires,
  });
  return { url, fields, expiresAt: new Date(Date.now() + Expires * 1000).toISOString() };
}

/** The object's size, or undefined when it is not there (never uploaded, or deleted). */
export async function objectSize(objectKey: string): Promise<number | undefined> {
  let head: HeadObjectCommandOutput;
  try {
    head = await s3().send(new HeadObjectCommand({ Bucket: filesBucket(), Key: objectKey }));
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === "NotFound" || (error as Error).name === "NoSuchKey")
      return undefined;
    throw error;
  }
  return head.ContentLength ?? 0;
}

/** The whole object (the caller checked its size first). */
export async function readObject(objectKey: string): Promise<Uint8Array> {
  const out = await s3().send(new GetObjectCommand({ Bucket: filesBucket(), Key: objectKey }));
  if (!out.Body) throw new Error(`files: GetObject ${objectKey} answered without a body`);
  return out.Body.transformToByteArray();
}

/** Deletes an object; deleting one that is not there is no error (S3 answers 204 either way). */
export async function deleteObject(objectKey: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: filesBucket(), Key: objectKey }));
}

/**
 * A presigned GET valid for `seconds`, answered as an attachment named `fileName` (so a browser saves it rather
 * than showing it on the storage's origin).
 */
export async function presignedDownload(objectKey: string, fileName: string, seconds: number) {
  const url = await getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: filesBucket(),
      Key: objectKey,
      ResponseContentType: cvContentType,
      ResponseContentDisposition: attachmentDisposition(fileName),
    }),
    { expiresIn: seconds },
  );
  return { url, expiresAt: new Date(Date.now() + seconds * 1000).toISOString(), name: fileName };
}
