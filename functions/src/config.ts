import * as v from "valibot";

const booleanFlag = v.pipe(
  v.picklist(["true", "false", "1", "0"]),
  v.transform((s) => s === "true" || s === "1"),
);

/** How many days a not-hired applicant's personal data stays on the application by default (docs/privacy.md). */
export const defaultRetentionRejectedDays = 180;

/** What the data layer reads: the table, where DynamoDB is, and where the search snapshot lives. */
const dataEnvEntries = {
  STAGE: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)), "local"),
  TABLE_NAME: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{3,255}$/)),
  AWS_REGION: v.optional(v.string(), "ap-southeast-1"),
  DYNAMODB_ENDPOINT: v.optional(v.pipe(v.string(), v.url())),
  // How long one DynamoDB request may take before it fails (→ 503 after the retry); see db/client.ts for the default.
  DYNAMODB_REQUEST_TIMEOUT_MS: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.minValue(100), v.maxValue(120_000)),
  ),
  // The search snapshot in S3 (deploy). Optional here: local and test stages keep it on disk or in memory, and
  // the deploy entries require both where they build the S3 store (functions/src/search/s3-store.ts).
  SEARCH_BUCKET: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "not an S3 bucket name"))),
  SEARCH_KEY: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1024))),
  // The candidate snapshot's key in the same bucket (functions/src/candidates/store.ts): consenting students'
  // ranking fields, written by the stream consumer, read by the functions that rank candidates.
  CANDIDATES_KEY: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1024))),
  // Another S3 than AWS's (s3rver under npm start and the tests): its URL, path-style addressing, and the keys it
  // takes. Unset in deploy, where the SDK finds AWS's endpoint and the function role's credentials itself.
  S3_ENDPOINT: v.optional(v.pipe(v.string(), v.url())),
  S3_ACCESS_KEY_ID: v.optional(v.pipe(v.string(), v.minLength(1))),
  S3_SECRET_ACCESS_KEY: v.optional(v.pipe(v.string(), v.minLength(1))),
  // Students' CV files (routes/files.ts): a private bucket, SSE, TLS only (infra/files.ts).
  FILES_BUCKET: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "not an S3 bucket name"))),
  // Days after which a not-hired applicant's personal data is removed from the application (data/retention.ts,
  // docs/privacy.md#retention-of-non-hired-applicants-data).
  RETENTION_REJECTED_DAYS: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.minValue(1), v.maxValue(3650)),
    String(defaultRetentionRejectedDays),
  ),
};

const DataEnvSchema = v.object(dataEnvEntries);

/**
 * The HMAC key of local runs and tests (DEV_AUTH on): public on purpose, since anyone who can mint development
 * tokens can do more than forge a cursor. Deploy refuses to start without its own SERVER_SECRET.
 */
const developmentSecret = "ketnoi-development-secret-not-for-deploy-0123456789";

const EnvSchema = v.pipe(
  v.object({
    ...dataEnvEntries,
    AUTH_ISSUER: v.pipe(v.string(), v.minLength(1)),
    AUTH_AUDIENCE: v.pipe(v.string(), v.minLength(1)),
    AUTH_JWKS_URL: v.optional(v.pipe(v.string(), v.url())),
    DEV_AUTH: v.optional(booleanFlag, "false"),
    WEB_ORIGIN: v.optional(v.pipe(v.string(), v.url()), "http://127.0.0.1:5173"),
    MAX_BODY_BYTES: v.optional(v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number)), "65536"),
    // The key of every HMAC the API makes: page cursors and candidate pseudonyms (docs/privacy.md). Required in
    // deploy (infra generates it in Secrets Manager); locally a fixed development key, since nothing there is real.
    SERVER_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, "at least 32 characters"), v.maxLength(512))),
    // Addresses of proxies whose X-Forwarded-For is believed (comma-separated). Empty by default: the client is the
    // socket's peer locally and API Gateway's sourceIp in deploy, never a header any client can set.
    TRUSTED_PROXIES: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^[0-9a-fA-F:., ]*$/, "comma-separated IP addresses"),
        v.transform((s) =>
          s
            .split(",")
            .map((a) => a.trim())
            .filter(Boolean),
        ),
      ),
      "",
    ),
    // The Cognito user pool (deploy): erasure deletes the user there too, so no new token is ever issued.
    COGNITO_USER_POOL_ID: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{1,55}$/, "not a user pool id"))),
    // Another Cognito than AWS's regional endpoint (the tests' local stand-in, auth/cognito-admin.test.ts).
    COGNITO_ENDPOINT: v.optional(v.pipe(v.string(), v.url())),
    // Set in deploy (infra/api.ts): requests must carry it in CloudFront's origin header (http/origin-verify.ts).
    ORIGIN_VERIFY_SECRET: v.optional(v.pipe(v.string(), v.minLength(32))),
  }),
  v.check(
    (env) => !(env.DEV_AUTH && env.STAGE === "prod"),
    "DEV_AUTH: the development identity provider cannot be enabled when STAGE=prod",
  ),
  v.check((env) => env.DEV_AUTH || !!env.AUTH_JWKS_URL, "AUTH_JWKS_URL: required when DEV_AUTH is off"),
  v.check(
    (env) => env.DEV_AUTH || !!env.SERVER_SECRET,
    "SERVER_SECRET: required when DEV_AUTH is off (cursors and pseudonyms are keyed with it)",
  ),
  v.transform((env) => ({ ...env, SERVER_SECRET: env.SERVER_SECRET ?? developmentSecret })),
);

/** The API's configuration (and the local server's). */
export type Config = v.InferOutput<typeof EnvSchema>;
/** The data layer's part of it: all that the stream consumer, which verifies no tokens, needs. */
export type DataConfig = v.InferOutput<typeof DataEnvSchema>;

function parse<S extends v.GenericSchema>(schema: S, env: Record<string, string | undefined>): v.InferOutput<S> {
  const result = v.safeParse(schema, env);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const key = issue.path?.map((p) => p.key).join(".");
    return key ? `${key}: ${issue.message}` : issue.message;
  });
  throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}

/**
 * Parses configuration from environment variables; throws naming each bad variable.
 * @example loadConfig({ TABLE_NAME: "ketnoi", AUTH_ISSUER: "http://x", AUTH_AUDIENCE: "ketnoi", DEV_AUTH: "true" })
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parse(EnvSchema, env);
}

/**
 * Parses only the data layer's variables (the stream consumer's whole configuration); throws naming each bad one.
 * @example loadDataConfig({ STAGE: "prod", TABLE_NAME: "ketnoi-prod", SEARCH_BUCKET: "b", SEARCH_KEY: "search/index.json" })
 */
export function loadDataConfig(env: Record<string, string | undefined> = process.env): DataConfig {
  return parse(DataEnvSchema, env);
}

let cached: Config | undefined;
let cachedData: DataConfig | undefined;
/** The process-wide configuration, parsed once on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
/**
 * The data layer's configuration: the full configuration once it is loaded or set, else only the data
 * variables (a process that serves no HTTP, like the stream consumer, has no auth settings to parse).
 */
export function dataConfig(): DataConfig {
  if (cached) return cached;
  cachedData ??= loadDataConfig();
  return cachedData;
}
/** Replaces the process-wide configuration (local server start-up and tests). */
export function setConfig(next: Config): void {
  cached = next;
}

/**
 * Where mail goes (functions/src/mail, docs/mail.md): `smtp` to a local server (maildev under `npm start` and the
 * tests), `ses` through Amazon SES v2 in deploy, `off` where nothing is sent (a consumer with no mail set up).
 * Parsed apart from the API's configuration: only the stream consumer and the digest job send mail.
 */
const MailEnvSchema = v.pipe(
  v.object({
    MAIL_TRANSPORT: v.optional(v.picklist(["smtp", "ses", "off"]), "off"),
    SMTP_HOST: v.optional(v.pipe(v.string(), v.minLength(1)), "127.0.0.1"),
    SMTP_PORT: v.optional(v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.minValue(1), v.maxValue(65535))),
    // The sender: an address of the SES identity's domain in deploy.
    MAIL_FROM: v.optional(v.pipe(v.string(), v.minLength(3)), "KetNoi <no-reply@ketnoi.local>"),
    // The SES configuration set whose bounce and complaint events suppress addresses (infra/mail.ts).
    SES_CONFIGURATION_SET: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))),
    // Where links in mail point (the web app; its /api reaches the API): the unsubscribe link among them.
    WEB_ORIGIN: v.optional(v.pipe(v.string(), v.url()), "http://127.0.0.1:5173"),
    // Signs the unsubscribe tokens; the API checks them with the same key.
    SERVER_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, "at least 32 characters"), v.maxLength(512))),
  }),
  v.check((env) => env.MAIL_TRANSPORT !== "smtp" || env.SMTP_PORT !== undefined, "SMTP_PORT: required for smtp"),
  v.check(
    (env) => env.MAIL_TRANSPORT !== "ses" || !!env.SERVER_SECRET,
    "SERVER_SECRET: required when MAIL_TRANSPORT=ses (unsubscribe links are signed with it)",
  ),
  v.transform((env) => ({ ...env, SERVER_SECRET: env.SERVER_SECRET ?? developmentSecret })),
);

/** The mail settings of the processes that send mail. */
export type MailConfig = v.InferOutput<typeof MailEnvSchema>;

/**
 * Parses the mail variables; throws naming each bad one.
 * @example loadMailConfig({ MAIL_TRANSPORT: "smtp", SMTP_PORT: "1025" })
 */
export function loadMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  return parse(MailEnvSchema, env);
}

let cachedMail: MailConfig | undefined;
/** The process-wide mail configuration, parsed once on first use. */
export function mailConfig(): MailConfig {
  cachedMail ??= loadMailConfig();
  return cachedMail;
}
/** Replaces the mail configuration (the local platform points it at its maildev; tests). */
export function setMailConfig(next: MailConfig): void {
  cachedMail = next;
}
