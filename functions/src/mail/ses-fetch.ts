import { AwsClient } from "aws4fetch";
import MailComposer from "nodemailer/lib/mail-composer";
import type { OutgoingMail, SendMail } from "./transport";

/** What the composer is given: nodemailer's `sendMail` data (composer options such as `messageId` included). */
export type ComposerMail = ConstructorParameters<typeof MailComposer>[0];

/** SES v2 `SendEmail`'s input for a raw message, as nodemailer's SES transport builds it. */
export interface SendEmailInput {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  Content: { Raw: { Data: Buffer } };
  ConfigurationSetName?: string;
}

/** The composed node's address helpers nodemailer's SES transport calls (MimeNode's own, not in its typings). */
interface AddressHelpers {
  _parseAddresses(value: unknown): unknown;
  _convertAddresses(addresses: unknown): string;
}

/**
 * Composes `mail` with nodemailer's own composer and returns the `SendEmail` input nodemailer's SES transport
 * (nodemailer/lib/ses-transport, the deployed path until issue 14) gave the SDK, byte for byte (ses-fetch.test.ts):
 * the raw message with CRLF line ends (its `LeWindows` pass: `newline: "windows"`), the From header's address as
 * `FromEmailAddress`, the envelope's recipients, and the configuration set. Composing never reads a file or a URL:
 * every part KetNoi mails is given as content.
 */
export async function sendEmailInput(mail: ComposerMail, configurationSet?: string): Promise<SendEmailInput> {
  const node = new MailComposer({
    ...mail,
    newline: "windows",
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  const from = node.getHeader("From");
  const helpers = node as unknown as AddressHelpers;
  const envelope = node.getEnvelope();
  const fromAddress = from ? helpers._convertAddresses(helpers._parseAddresses(from)) : envelope.from;
  const raw = await node.build();
  return {
    Content: { Raw: { Data: raw } },
    FromEmailAddress: String(fromAddress),
    Destination: { ToAddresses: envelope.to },
    ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
  };
}

/**
 * An error SES answered, shaped as the SDK's ServiceException (`name` from `x-amzn-ErrorType` or the body's code,
 * `$metadata.httpStatusCode`) and tagged `ESES` as nodemailer tagged the SDK's, so transport.ts
 * `isTransientMailError` classifies it as before.
 */
export class SesServiceError extends Error {
  readonly code = "ESES";
  readonly $fault: "client" | "server";
  readonly $metadata: { httpStatusCode: number; requestId?: string; attempts: number };

  constructor(name: string, message: string, status: number, requestId?: string) {
    super(message);
    this.name = name;
    this.$fault = status >= 500 ? "server" : "client";
    this.$metadata = { httpStatusCode: status, ...(requestId ? { requestId } : {}), attempts: 1 };
  }
}

async function sesError(response: Response): Promise<SesServiceError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML page: named by its status.
  }
  // The SDK's REST-JSON error code: the header, else the body's `code` or `__type`, without namespace or URI.
  const code = String(response.headers.get("x-amzn-errortype") ?? body.code ?? body.__type ?? "");
  const name = code.split(":")[0]!.split("#").pop() || "UnknownError";
  const message = String(body.message ?? body.Message ?? `SES answered ${response.status}`);
  return new SesServiceError(name, message, response.status, response.headers.get("x-amzn-requestid") ?? undefined);
}

// The SDK's retry classification (@smithy/core retry: THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES, status codes,
// Node's network error codes), which the SES v2 client applied to every SendEmail before its error reached nodemailer.
const throttlingNames = new Set([
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
]);
const transientNames = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const transientStatus = new Set([500, 502, 503, 504]);
const networkCodes = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

type Classified = { name?: string; code?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } };
const isThrottling = (error: Classified) =>
  error.$metadata?.httpStatusCode === 429 || throttlingNames.has(error.name ?? "");
function isTransient(error: Classified | undefined, depth = 0): boolean {
  if (!error || depth > 10 || error.name === "AbortError") return false;
  return (
    transientNames.has(error.name ?? "") ||
    networkCodes.has(error.code ?? "") ||
    transientStatus.has(error.$metadata?.httpStatusCode ?? 0) ||
    isTransient(error.cause as Classified | undefined, depth + 1)
  );
}

export interface SesFetchOptions {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Another SES v2 than AWS's regional endpoint (AWS_ENDPOINT_URL_SESV2, as the SDK reads it): tests. */
  endpoint?: string;
  /** The configuration set every mail goes through (its bounce and complaint events reach the handler). */
  configurationSet?: string;
  /** The `From` of every mail. */
  from: string;
  /** Attempts per mail, the first included: the SDK's default, 3. */
  maxAttempts?: number;
  /** The SDK's backoff bases (50 ms, 1 s when throttled); tests shorten them. */
  delayBaseMs?: number;
  throttlingDelayBaseMs?: number;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
}

/**
 * Sends each mail as one SES v2 `SendEmail` (POST /v2/email/outbound-emails) signed with SigV4 by aws4fetch (~6 kB),
 * the message composed by nodemailer's composer alone, instead of nodemailer's SES transport over
 * `@aws-sdk/client-sesv2` (with nodemailer's mailer and SMTP code, ~240 kB of each mail function's bundle, issue 14):
 * - the same request: `sendEmailInput`, serialised as the SDK does (the raw message base64 in JSON);
 * - the same retries: 3 attempts for throttling (429 or a throttling error name), 5xx, timeouts and dropped
 *   connections, with the SDK's full-jitter backoff (50 ms × 2^n, 1 s × 2^n when throttled);
 * - the same errors: SES's answers as `SesServiceError` (name, status), network failures as fetch's TypeError;
 * - the same message id: `<MessageId@<region>.amazonses.com>` (`email` for us-east-1), as nodemailer gave it.
 * Not done: the SDK's retry quota, Retry-After hints, FIPS or dual-stack endpoints.
 */
export function sesFetchTransport(options: SesFetchOptions): SendMail {
  const aws = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    service: "ses",
    region: options.region,
    // Retried below, where SES's throttling and the SDK's classification are applied.
    retries: 0,
  });
  const url = `${(options.endpoint ?? `https://email.${options.region}.amazonaws.com`).replace(/\/$/, "")}/v2/email/outbound-emails`;
  const send = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 3;
  const delayBase = options.delayBaseMs ?? 50;
  const throttlingDelayBase = options.throttlingDelayBaseMs ?? 1_000;
  const messageDomain = options.region === "us-east-1" ? "email" : options.region;

  return async (mail: OutgoingMail) => {
    const input = await sendEmailInput({ from: options.from, ...mail }, options.configurationSet);
    const body = JSON.stringify({ ...input, Content: { Raw: { Data: input.Content.Raw.Data.toString("base64") } } });
    for (let attempt = 1; ; attempt++) {
      try {
        const request = await aws.sign(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        const response = await send(request);
        if (!response.ok) throw await sesError(response);
        const { MessageId } = (await response.json()) as { MessageId: string };
        return { messageId: `<${MessageId}${MessageId.includes("@") ? "" : `@${messageDomain}.amazonses.com`}>` };
      } catch (error) {
        const classified = error as Classified;
        const throttled = isThrottling(classified);
        if (attempt >= maxAttempts || !(throttled || isTransient(classified))) {
          if (error instanceof SesServiceError) error.$metadata.attempts = attempt;
          throw error;
        }
        const base = throttled ? throttlingDelayBase : delayBase;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.random() * Math.min(base * 2 ** (attempt - 1), 20_000)),
        );
      }
    }
  };
}

/**
 * The options of the process's SES transport: the Lambda runtime's region and role keys (the environment, as the
 * deployed SDK clients read them: bundle/env-credentials.ts) and SES v2's endpoint override.
 */
export function sesFetchOptionsFromEnv(
  mail: { MAIL_FROM: string; SES_CONFIGURATION_SET?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): SesFetchOptions {
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`SES transport: ${name} is not set (the Lambda runtime sets it)`);
    return value;
  };
  const endpoint = env.AWS_ENDPOINT_URL_SESV2 ?? env.AWS_ENDPOINT_URL;
  return {
    region: env.AWS_REGION ?? required("AWS_DEFAULT_REGION"),
    accessKeyId: required("AWS_ACCESS_KEY_ID"),
    secretAccessKey: required("AWS_SECRET_ACCESS_KEY"),
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(mail.SES_CONFIGURATION_SET ? { configurationSet: mail.SES_CONFIGURATION_SET } : {}),
    from: mail.MAIL_FROM,
  };
}
