import * as v from "valibot";

const booleanFlag = v.pipe(
  v.picklist(["true", "false", "1", "0"]),
  v.transform((s) => s === "true" || s === "1"),
);

const EnvSchema = v.pipe(
  v.object({
    STAGE: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)), "local"),
    TABLE_NAME: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{3,255}$/)),
    AWS_REGION: v.optional(v.string(), "ap-southeast-1"),
    DYNAMODB_ENDPOINT: v.optional(v.pipe(v.string(), v.url())),
    AUTH_ISSUER: v.pipe(v.string(), v.minLength(1)),
    AUTH_AUDIENCE: v.pipe(v.string(), v.minLength(1)),
    AUTH_JWKS_URL: v.optional(v.pipe(v.string(), v.url())),
    DEV_AUTH: v.optional(booleanFlag, "false"),
    WEB_ORIGIN: v.optional(v.pipe(v.string(), v.url()), "http://127.0.0.1:5173"),
    MAX_BODY_BYTES: v.optional(v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number)), "65536"),
  }),
  v.check(
    (env) => !(env.DEV_AUTH && env.STAGE === "prod"),
    "DEV_AUTH: the development identity provider cannot be enabled when STAGE=prod",
  ),
  v.check((env) => env.DEV_AUTH || !!env.AUTH_JWKS_URL, "AUTH_JWKS_URL: required when DEV_AUTH is off"),
);

export type Config = v.InferOutput<typeof EnvSchema>;

/**
 * Parses configuration from environment variables; throws naming each bad variable.
 * @example loadConfig({ TABLE_NAME: "ketnoi", AUTH_ISSUER: "http://x", AUTH_AUDIENCE: "ketnoi", DEV_AUTH: "true" })
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = v.safeParse(EnvSchema, env);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const key = issue.path?.map((p) => p.key).join(".");
    return key ? `${key}: ${issue.message}` : issue.message;
  });
  throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}

let cached: Config | undefined;
/** The process-wide configuration, parsed once on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
/** Replaces the process-wide configuration (local server start-up and tests). */
export function setConfig(next: Config): void {
  cached = next;
}
