import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the nearest folder above this module holding package-lock.json. Found by walking up
 * because SST bundles sst.config.ts and this module into one file in the root, so a fixed "../" would be wrong.
 */
export const repoRoot = findUp(dirname(fileURLToPath(import.meta.url)), "package-lock.json");

/** The docs function's entry: the whole Hono app (but files), serving the one OpenAPI document. */
export const apiEntry = join(repoRoot, "functions/src/lambda.ts");

/** A route group's function entry (issue 14): that group's routes only, behind the one middleware chain. */
export const groupEntry = (group: string) => join(repoRoot, `functions/src/lambdas/${group}.ts`);

/** The files function's entry: the `files` route group (CV files: S3 and pdf-lib), behind the same middleware. */
export const filesEntry = join(repoRoot, "functions/src/files-lambda.ts");

/** The table stream consumer's Lambda entry: keeps the search snapshot and sends saved-search alerts. */
export const streamEntry = join(repoRoot, "functions/src/stream-lambda.ts");

/** The Cognito pre-token-generation trigger's entry: adds the MFA claim (functions/src/auth/mfa.ts). */
export const mfaClaimEntry = join(repoRoot, "functions/src/auth/mfa-claim-lambda.ts");

function findUp(start: string, file: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return dir;
    if (dirname(dir) === dir) throw new Error(`No ${file} found above ${start}`);
  }
}

/**
 * The folder of built web assets to upload: `KETNOI_WEB_DIST`, else `web/dist` (from `npm run build`).
 * Without a build, a deploy entry fails here rather than publish an empty site; `allowPlaceholder` (offline
 * synthesis and tests only) substitutes a one-page placeholder written to a temporary folder.
 */
export function webAssetsFolder(options: { allowPlaceholder: boolean }, env: NodeJS.ProcessEnv = process.env): string {
  const folder = resolve(env.KETNOI_WEB_DIST ?? join(repoRoot, "web/dist"));
  if (existsSync(join(folder, "index.html"))) return folder;
  if (!options.allowPlaceholder) {
    throw new Error(`${folder}/index.html not found: run \`npm run build\` before deploying (or set KETNOI_WEB_DIST).`);
  }
  return placeholderWebAssets();
}

/** A stand-in for web/dist with the two paths the distribution treats differently: the page and a hashed asset. */
export function placeholderWebAssets(): string {
  const folder = join(tmpdir(), "ketnoi-web-placeholder");
  mkdirSync(join(folder, "assets"), { recursive: true });
  writeFileSync(
    join(folder, "index.html"),
    '<!doctype html><html lang="vi"><meta charset="utf-8"><title>KetNoi</title><p>Placeholder: the web app was not built (npm run build).</p></html>\n',
  );
  writeFileSync(join(folder, "assets/placeholder-0000.js"), "export {};\n");
  return folder;
}

/** The mail consumer: a second reader of the table stream that mails inserted notices (functions/src/mail-lambda.ts). */
export const mailConsumerEntry = join(repoRoot, "functions/src/mail-lambda.ts");

/** The daily digest of unread notices, by mail. */
export const digestEntry = join(repoRoot, "functions/src/mail/digest-lambda.ts");

/** SES bounces and complaints (through SNS): the addresses mail stops going to. */
export const bounceEntry = join(repoRoot, "functions/src/mail/bounce-lambda.ts");

/** Interview reminders and offer expiry, every 5 minutes. */
export const interviewJobsEntry = join(repoRoot, "functions/src/interview-jobs-lambda.ts");

/** The daily retention job. */
export const retentionEntry = join(repoRoot, "functions/src/retention-lambda.ts");
