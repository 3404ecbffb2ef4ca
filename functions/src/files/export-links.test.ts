import { S3RequestPresigner } from "@aws-sdk/s3-request-presigner";
import { cvContentType } from "@ketnoi/core";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { describe, expect, it } from "vitest";
import { dataConfig } from "../config";
import { attachmentDisposition } from "./disposition";
import { presignedExportLink } from "./export-links";

// The export's links are signed with aws4fetch in the API function (no S3 SDK there, issue 14). s3rver does not check
// query signatures, so this compares them with the AWS SDK's presigner (@aws-sdk/s3-request-presigner, what
// files/objects.ts used before signed fetch) for the same request, keys and instant: equal signatures, or S3 would refuse.
describe("presignedExportLink (aws4fetch)", () => {
  it("signs exactly as the SDK's SigV4 presigner does, a Vietnamese file name in the response parameters included", async () => {
    const cfg = dataConfig();
    const key = "cv/stu-sig/9f1c2a.pdf";
    const name = 'CV Nguyễn Văn "An" 2026';
    const { url } = await presignedExportLink(key, name, 86_400, "20261206T101500Z");
    const signed = new URL(url);
    expect(signed.searchParams.get("X-Amz-Expires")).toBe("86400");
    expect(signed.searchParams.get("response-content-disposition")).toBe(attachmentDisposition(name));

    const expected = new URL(cfg.S3_ENDPOINT ?? `https://${cfg.FILES_BUCKET}.s3.${cfg.AWS_REGION}.amazonaws.com`);
    const path = cfg.S3_ENDPOINT ? `/${cfg.FILES_BUCKET}/${key}` : `/${key}`;
    expect(`${signed.origin}${signed.pathname}`).toBe(`${expected.origin}${path}`);
    const sdk = new S3RequestPresigner({
      region: cfg.AWS_REGION,
      credentials: {
        accessKeyId: cfg.S3_ACCESS_KEY_ID ?? String(process.env.AWS_ACCESS_KEY_ID),
        secretAccessKey: cfg.S3_SECRET_ACCESS_KEY ?? String(process.env.AWS_SECRET_ACCESS_KEY),
      },
      sha256: Hash.bind(null, "sha256"),
    });
    const presigned = await sdk.presign(
      new HttpRequest({
        method: "GET",
        protocol: expected.protocol,
        hostname: expected.hostname,
        ...(expected.port ? { port: Number(expected.port) } : {}),
        path,
        headers: { host: expected.host },
        query: { "response-content-type": cvContentType, "response-content-disposition": attachmentDisposition(name) },
      }),
      { expiresIn: 86_400, signingDate: new Date("2026-12-06T10:15:00Z") },
    );
    const query = presigned.query ?? {};
    expect(query["X-Amz-Credential"]).toBe(signed.searchParams.get("X-Amz-Credential"));
    expect(query["X-Amz-SignedHeaders"]).toBe(signed.searchParams.get("X-Amz-SignedHeaders"));
    expect(query["X-Amz-Signature"]).toBe(signed.searchParams.get("X-Amz-Signature"));
  });
});
