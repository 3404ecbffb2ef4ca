import { createHmac } from "node:crypto";
import { S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { cvContentType, maxCvBytes } from "@ketnoi/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, dataConfig, setConfig } from "../config";
import { s3ClientOptions } from "../s3-options";
import { presignedCvUpload, uploadKeyOf } from "./objects";

// The upload form is signed without the SDK now (files/objects.ts, issue 14). S3 accepts a POST whose policy and
// signature it recomputes; s3rver checks neither (it accepts any SigV4 signature and ignores the policy, docs/decisions.md),
// so this holds the form to what @aws-sdk/s3-presigned-post wrote before, byte for byte at one instant, and reads
// the policy's conditions as S3 evaluates them: a file too large, another key or another type is refused.

const instant = new Date("2026-12-07T07:15:42.123Z");
const objectKey = "cv/stu-policy/0b7e4c2a.pdf";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** What createPresignedPost gave for the same upload, with the same keys, at the same instant. */
async function sdkPost(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  const client = new S3Client({ ...s3ClientOptions(dataConfig()), credentials });
  return createPresignedPost(client, {
    Bucket: dataConfig().FILES_BUCKET!,
    Key: uploadKeyOf(objectKey),
    Conditions: [
      ["content-length-range", 1, 12_345],
      ["eq", "$Content-Type", cvContentType],
    ],
    Fields: { "Content-Type": cvContentType },
    Expires: 600,
  });
}

describe("presignedCvUpload: the SDK's presigned POST, without the SDK", () => {
  it("on the local S3 (path-style, its keys): the same URL, fields, policy and signature", async () => {
    vi.useFakeTimers({ now: instant, toFake: ["Date"] });
    const ours = await presignedCvUpload(objectKey, 12_345);
    const cfg = dataConfig();
    const sdk = await sdkPost({ accessKeyId: cfg.S3_ACCESS_KEY_ID!, secretAccessKey: cfg.S3_SECRET_ACCESS_KEY! });
    expect(ours.fields).toEqual(sdk.fields);
    expect(Object.keys(ours.fields)).toEqual(Object.keys(sdk.fields));
    expect(ours.url.replace(/\/$/, "")).toBe(sdk.url.replace(/\/$/, ""));
    expect(ours.expiresAt).toBe("2026-12-07T07:25:42.123Z");
  });

  it("on AWS (virtual-hosted, the role's keys with their session token): the same fields, policy and signature", async () => {
    const local = config();
    try {
      // Deployed: no endpoint and no keys of the local S3's; the function role's keys from the environment.
      const { S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, ...deployed } = local;
      setConfig(deployed);
      vi.stubEnv("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEROLE");
      vi.stubEnv("AWS_SECRET_ACCESS_KEY", "role/secret+key");
      vi.stubEnv("AWS_SESSION_TOKEN", "session-token/with+chars=");
      vi.useFakeTimers({ now: instant, toFake: ["Date"] });
      const ours = await presignedCvUpload(objectKey, 12_345);
      const sdk = await sdkPost({
        accessKeyId: "ASIAEXAMPLEROLE",
        secretAccessKey: "role/secret+key",
        sessionToken: "session-token/with+chars=",
      });
      expect(ours.fields).toEqual(sdk.fields);
      expect(ours.fields["X-Amz-Security-Token"]).toBe("session-token/with+chars=");
      expect(ours.url.replace(/\/$/, "")).toBe(sdk.url.replace(/\/$/, ""));
      expect(ours.url).toBe(`https://${dataConfig().FILES_BUCKET}.s3.${dataConfig().AWS_REGION}.amazonaws.com`);
    } finally {
      setConfig(local);
    }
  });

  it("never allows more than 5 MB, whatever size the student declared", async () => {
    const { fields } = await presignedCvUpload(objectKey, 50_000_000);
    expect(policyOf(fields).conditions[0]).toEqual(["content-length-range", 1, maxCvBytes]);
  });

  it("refuses, as S3 evaluates the policy, a file too large, another key, another type, a changed policy", async () => {
    const { fields } = await presignedCvUpload(objectKey, 10_000);
    const secret = dataConfig().S3_SECRET_ACCESS_KEY!;
    expect(s3Verdict(fields, 10_000, secret)).toBe("accepted");
    expect(s3Verdict(fields, 10_001, secret)).toBe("EntityTooLarge");
    expect(s3Verdict(fields, 0, secret)).toBe("EntityTooSmall");
    expect(s3Verdict({ ...fields, key: "cv/another-student/x.pdf" }, 100, secret)).toBe("AccessDenied: key");
    expect(s3Verdict({ ...fields, key: objectKey }, 100, secret)).toBe("AccessDenied: key");
    expect(s3Verdict({ ...fields, "Content-Type": "text/html" }, 100, secret)).toBe("AccessDenied: Content-Type");
    expect(s3Verdict({ ...fields, acl: "public-read" }, 100, secret)).toBe("AccessDenied: acl");
    const wider = policyOf(fields);
    wider.conditions[0] = ["content-length-range", 1, 1_000_000_000];
    const forged = { ...fields, Policy: Buffer.from(JSON.stringify(wider)).toString("base64") };
    expect(s3Verdict(forged, 100, secret)).toBe("SignatureDoesNotMatch");
    vi.useFakeTimers({ now: Date.now() + 11 * 60_000, toFake: ["Date"] });
    expect(s3Verdict(fields, 100, secret)).toBe("AccessDenied: expired");
  });
});

type Condition = Record<string, string> | [string, ...(string | number)[]];
const policyOf = (fields: Record<string, string>) =>
  JSON.parse(Buffer.from(fields.Policy!, "base64").toString("utf8")) as { expiration: string; conditions: Condition[] };

/**
 * S3's evaluation of a browser's POST (docs.aws.amazon.com, "Creating a POST policy"), as far as this form uses it:
 * the SigV4 signature of the base64 policy, its expiration, each condition against the form's fields and the file's
 * size, and every form field covered by a condition.
 */
function s3Verdict(fields: Record<string, string>, fileSize: number, secretAccessKey: string): string {
  const [, day, region, service] = fields["X-Amz-Credential"]!.split("/");
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day!), region!), service!), "aws4_request");
  if (hmac(key, fields.Policy!).toString("hex") !== fields["X-Amz-Signature"]) return "SignatureDoesNotMatch";
  const policy = policyOf(fields);
  if (Date.parse(policy.expiration) <= Date.now()) return "AccessDenied: expired";
  const covered = new Set(["Policy", "X-Amz-Signature", "file"]);
  for (const condition of policy.conditions) {
    if (!Array.isArray(condition)) {
      const [[name, value]] = Object.entries(condition) as [[string, string]];
      covered.add(name);
      if (fields[name] !== value) return `AccessDenied: ${name}`;
      continue;
    }
    const [op, subject, a] = condition;
    if (op === "content-length-range") {
      if (fileSize < Number(subject)) return "EntityTooSmall";
      if (fileSize > Number(a)) return "EntityTooLarge";
      continue;
    }
    const name = String(subject).replace(/^\$/, "");
    covered.add(name);
    if (op === "eq" && fields[name] !== a) return `AccessDenied: ${name}`;
    if (op === "starts-with" && !String(fields[name] ?? "").startsWith(String(a))) return `AccessDenied: ${name}`;
  }
  const extra = Object.keys(fields).find((name) => !covered.has(name) && !name.startsWith("x-ignore-"));
  return extra ? `AccessDenied: ${extra}` : "accepted";
}
