import type { S3ClientConfig } from "@aws-sdk/client-s3";
import type { DataConfig } from "./config";

/**
 * The S3 client's settings from the configuration, for every S3 client the platform makes (search snapshot, CV
 * files): the same SDK calls everywhere, pointed at s3rver locally (S3_ENDPOINT, path-style, its keys) and at AWS
 * in deploy (no endpoint: the region's, the function role's credentials). Type-only import: this module loads no
 * SDK code, so a route group that never touches S3 does not carry the client through it.
 * @example new S3Client(s3ClientOptions(dataConfig()))
 */
export function s3ClientOptions(
  cfg: Pick<DataConfig, "AWS_REGION" | "S3_ENDPOINT" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY">,
): S3ClientConfig {
  if (!cfg.S3_ENDPOINT) return { region: cfg.AWS_REGION };
  return {
    region: cfg.AWS_REGION,
    endpoint: cfg.S3_ENDPOINT,
    // s3rver serves buckets as paths (http://127.0.0.1:port/bucket/key), not as host names.
    forcePathStyle: true,
    ...(cfg.S3_ACCESS_KEY_ID && cfg.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: cfg.S3_ACCESS_KEY_ID, secretAccessKey: cfg.S3_SECRET_ACCESS_KEY } }
      : {}),
    // s3rver predates the SDK's default checksums (aws-chunked bodies with CRC trailers): send them only where S3
    // requires one.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}
