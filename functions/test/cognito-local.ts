import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

/** What the stand-in received: the operation, the JSON body, and whether the SigV4 signature held. */
export interface CognitoRequest {
  target: string;
  contentType: string;
  body: Record<string, unknown>;
  signatureValid: boolean;
  signedHeaders: string[];
  securityToken?: string;
}

export interface CognitoStandInOptions {
  region: string;
  poolId: string;
  /** The keys it takes: a request signed with any other secret is refused, as Cognito refuses it. */
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** User names in the pool at start. */
  users?: string[];
}

type Answer = { status: number; body: Record<string, unknown> } | "hang";

/**
 * A local stand-in for Cognito's user pool admin API over HTTP, speaking its JSON 1.1 protocol as AWS does
 * (`POST /`, `Content-Type: application/x-amz-json-1.1`, `X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`,
 * errors as `{ "__type": "UserNotFoundException", "message": … }` with a 400): it recomputes each request's SigV4
 * signature with the SDK's own signer (@smithy/signature-v4, service `cognito-idp`) over the headers the request
 * says it signed and the body it carried, and refuses a wrong one with 400 InvalidSignatureException. It knows
 * AdminDeleteUser and AdminGetUser on one pool; `answerNext` scripts failures (a 500, throttling, a request that
 * never answers) ahead of the real answers.
 */
export async function startCognitoStandIn(options: CognitoStandInOptions) {
  const users = new Map<string, string[]>((options.users ?? []).map((name) => [name, []]));
  const received: CognitoRequest[] = [];
  const scripted: Answer[] = [];
  const hung = new Set<ServerResponse>();
  const signer = new SignatureV4({
    service: "cognito-idp",
    region: options.region,
    sha256: Sha256,
    credentials: {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    },
    applyChecksum: false,
  });

  async function verify(req: IncomingMessage, body: string, port: number) {
    const authorization = String(req.headers.authorization ?? "");
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        authorization,
      );
    if (!match) return { valid: false, signed: [] as string[] };
    const [, keyId, , region, service, signedList, signature] = match;
    const signed = signedList!.split(";");
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    const date = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
    const fresh = Math.abs(Date.now() - date.getTime()) < 5 * 60_000;
    const headers: Record<string, string> = {};
    for (const name of signed) headers[name] = String(req.headers[name] ?? "");
    const expected = await signer.sign(
      {
        method: req.method ?? "",
        protocol: "http:",
        hostname: "127.0.0.1",
        port,
        path: req.url ?? "/",
        query: {},
        headers,
        body,
      },
      { signingDate: date },
    );
    const valid =
      fresh &&
      keyId === options.accessKeyId &&
      region === options.region &&
      service === "cognito-idp" &&
      // Under the signature: where, when, what operation, and the token of temporary keys (AWS requires host and
      // x-amz-date; aws4fetch, like the SDK, signs every x-amz-* header; it leaves content-type out, as AWS allows,
      // the body being signed by its hash).
      ["host", "x-amz-date", "x-amz-target"].every((name) => signed.includes(name)) &&
      (!options.sessionToken || signed.includes("x-amz-security-token")) &&
      String(expected.headers.authorization).endsWith(`Signature=${signature}`);
    return { valid, signed };
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const target = String(req.headers["x-amz-target"] ?? "");
    const contentType = String(req.headers["content-type"] ?? "");
    const { valid, signed } = await verify(req, text, (server.address() as AddressInfo).port);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Answered below as a bad request.
    }
    const token = req.headers["x-amz-security-token"];
    received.push({
      target,
      contentType,
      body,
      signatureValid: valid,
      signedHeaders: signed,
      ...(token ? { securityToken: String(token) } : {}),
    });
    const answer = (status: number, json: Record<string, unknown>) => {
      res.writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-requestid": `req-${received.length}`,
      });
      res.end(JSON.stringify(json));
    };
    const fail = (status: number, type: string, message: string) => answer(status, { __type: type, message });

    if (req.method !== "POST" || req.url !== "/") return fail(400, "UnknownOperationException", "");
    if (contentType !== "application/x-amz-json-1.1") return fail(400, "SerializationException", contentType);
    if (!valid) {
      return fail(
        400,
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided.",
      );
    }
    const next = scripted.shift();
    if (next === "hang") {
      hung.add(res);
      return;
    }
    if (next) return answer(next.status, next.body);
    const [prefix, operation] = target.split(".");
    if (prefix !== "AWSCognitoIdentityProviderService") return fail(400, "UnknownOperationException", target);
    if (body.UserPoolId !== options.poolId) {
      return fail(400, "ResourceNotFoundException", `User pool ${String(body.UserPoolId)} does not exist.`);
    }
    const name = String(body.Username);
    if (!users.has(name)) return fail(400, "UserNotFoundException", "User does not exist.");
    if (operation === "AdminDeleteUser") {
      users.delete(name);
      return answer(200, {});
    }
    if (operation === "AdminGetUser") {
      return answer(200, {
        Username: name,
        Enabled: true,
        UserStatus: "CONFIRMED",
        UserMFASettingList: users.get(name),
      });
    }
    return fail(400, "UnknownOperationException", target);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}/`,
    received,
    users,
    /** Answers the next requests (whatever they ask, once the signature holds) with these, in order. */
    answerNext(...answers: Answer[]) {
      scripted.push(...answers);
    },
    async stop() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
