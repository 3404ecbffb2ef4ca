import { cvContentType } from "@ketnoi/core";
import { AwsV4Signer } from "aws4fetch";
import { dataConfig } from "../config";
import { attachmentDisposition } from "./disposition";
import { filesObjectUrl, signingKeys } from "./signed-s3";

type Item = Record<string, unknown>;

/** How long the links in a student's personal-data export work. */
export const exportLinkSeconds = 24 * 60 * 60;

/**
 * A presigned GET of one CV object, signed with SigV4 query parameters by aws4fetch (~6 kB) rather than
 * @aws-sdk/s3-request-presigner and the S3 client (~330 kB): the export is served by the API function, and the files
 * function's download links are these too (files/objects.ts, issue 14's size budgets). The same URL the SDK would sign: path-style on a local S3
 * (S3_ENDPOINT), virtual-hosted on AWS; answered as an attachment named after the file.
 */
export async function presignedExportLink(
  objectKey: string,
  fileName: string,
  seconds = exportLinkSeconds,
  /** The signing time as SigV4 writes it (20260101T000000Z); now by default. Tests fix it. */
  datetime?: string,
) {
  const cfg = dataConfig();
  const url = filesObjectUrl(objectKey);
  url.searchParams.set("response-content-type", cvContentType);
  url.searchParams.set("response-content-disposition", attachmentDisposition(fileName));
  url.searchParams.set("X-Amz-Expires", String(seconds));
  // What @aws-sdk/s3-request-presigner puts in every URL it signs: the same query, hence the same signature
  // (export-links.test.ts compares them).
  url.searchParams.set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
  const signed = await new AwsV4Signer({
    url: url.toString(),
    method: "GET",
    service: "s3",
    region: cfg.AWS_REGION,
    signQuery: true,
    ...(datetime ? { datetime } : {}),
    ...signingKeys(),
  }).sign();
  return { url: signed.url.toString(), expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
}

/**
 * The student's CV file records as the export shows them: each ready file with a download link valid for a day
 * (the export is a JSON file kept by the student; a link that lasted longer would outlive an erasure).
 */
export async function withDownloadLinks(files: Item[]): Promise<Item[]> {
  return Promise.all(
    files.map(async (file) => {
      if (file.status !== "ready" || typeof file.objectKey !== "string") return file;
      const { url, expiresAt } = await presignedExportLink(file.objectKey, String(file.name));
      return { ...file, downloadUrl: url, downloadUrlExpiresAt: expiresAt };
    }),
  );
}
