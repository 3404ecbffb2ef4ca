import { AwsClient } from "aws4fetch";
import { dataConfig } from "../config";
import { AppError } from "../http/errors";

// CV objects reached with SigV4-signed fetch (aws4fetch, ~6 kB) instead of the S3 client (~145 kB, ~330 kB with its
// presigners and @smithy): the API function's export links, the stream consumer's deletions and the files function's
// calls and presigned forms (files/objects.ts), issue 14's size budgets.

const unavailable = () => new AppError("files_unavailable");

/**
 * The keys requests are signed with: the local S3's (S3_ACCESS_KEY_ID…, as s3-options.ts gives the SDK), else the
 * environment's (Lambda sets the role's AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN).
 */
export function signingKeys(env: NodeJS.ProcessEnv = process.env) {
  const cfg = dataConfig();
  const accessKeyId = cfg.S3_ACCESS_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = cfg.S3_SECRET_ACCESS_KEY ?? env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw unavailable();
  const sessionToken = cfg.S3_ACCESS_KEY_ID ? undefined : env.AWS_SESSION_TOKEN;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** The object's URL as the SDK addresses it: path-style on a local S3 (S3_ENDPOINT), virtual-hosted on AWS. */
export function filesObjectUrl(objectKey: string): URL {
  const cfg = dataConfig();
  const bucket = cfg.FILES_BUCKET;
  if (!bucket) throw unavailable();
  const path = objectKey.split("/").map(encodeURIComponent).join("/");
  return new URL(
    cfg.S3_ENDPOINT
      ? `${cfg.S3_ENDPOINT.replace(/\/$/, "")}/${bucket}/${path}`
      : `https://${bucket}.s3.${cfg.AWS_REGION}.amazonaws.com/${path}`,
  );
}

/**
 * Deletes one object (DeleteObject); one that is not there is no error (S3 answers 204 either way). aws4fetch retries
 * 5xx and 429 (2 retries); each attempt is cut after 10 s. Any other failure throws, so the stream retries the batch.
 */
export async function deleteFileObject(objectKey: string): Promise<void> {
  const aws = new AwsClient({ ...signingKeys(), service: "s3", region: dataConfig().AWS_REGION, retries: 2 });
  const url = filesObjectUrl(objectKey);
  const response = await aws.fetch(url.toString(), { method: "DELETE", signal: AbortSignal.timeout(10_000) });
  await response.body?.cancel();
  if (!response.ok && response.status !== 404) {
    throw new Error(`files: DeleteObject ${objectKey} answered ${response.status}`);
  }
}
