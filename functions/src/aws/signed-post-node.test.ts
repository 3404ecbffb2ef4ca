import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { sigV4Signer } from "./signed-post-node";

// The signed POSTs (aws/signed-json.ts) are signed by node:crypto, not a library: here each signature is compared with
// the SDK's own signer (@smithy/signature-v4) over the same request, keys and instant — DynamoDB's and Cognito's, a
// session token, a Vietnamese body, a regional endpoint and a local one with a port. The stand-in server of
// cognito-admin.test.ts checks the same over HTTP.
describe("sigV4Signer (node:crypto)", () => {
  const cases = [
    {
      service: "dynamodb",
      url: "https://dynamodb.ap-southeast-1.amazonaws.com/",
      target: "DynamoDB_20120810.GetItem",
      json: "1.0",
      body: JSON.stringify({ TableName: "ketnoi-prod", Key: { pk: { S: "LISTING#Lập trình viên" } } }),
      sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE+/==",
    },
    {
      service: "cognito-idp",
      url: "http://127.0.0.1:8000/",
      target: "AWSCognitoIdentityProviderService.AdminDeleteUser",
      json: "1.1",
      body: JSON.stringify({ UserPoolId: "ap-southeast-1_abc", Username: "u-1" }),
      sessionToken: undefined,
    },
  ];
  it.each(cases)("signs $service's request exactly as the SDK's SignatureV4 does", async (c) => {
    const keys = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
    const credentials = c.sessionToken ? { ...keys, sessionToken: c.sessionToken } : keys;
    const when = new Date("2026-12-07T06:15:30.123Z");
    const url = new URL(c.url);
    const headers = sigV4Signer(credentials, "ap-southeast-1", c.service)(
      url,
      { "content-type": `application/x-amz-json-${c.json}`, "x-amz-target": c.target },
      c.body,
      when,
    );
    expect(headers["x-amz-date"]).toBe("20261207T061530Z");
    expect(headers.host).toBe(url.host);
    const sdk = new SignatureV4({
      service: c.service,
      region: "ap-southeast-1",
      sha256: Sha256,
      credentials,
      applyChecksum: false,
    });
    const signed = await sdk.sign(
      {
        method: "POST",
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: {},
        headers: { host: url.host, "content-type": headers["content-type"]!, "x-amz-target": c.target },
        body: c.body,
      },
      { signingDate: when },
    );
    expect(headers.authorization).toBe(signed.headers.authorization);
    if (c.sessionToken) expect(headers["x-amz-security-token"]).toBe(c.sessionToken);
  });
});
