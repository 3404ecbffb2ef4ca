import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export interface LocalS3 {
  /** http://127.0.0.1:<port>: the S3_ENDPOINT to configure. */
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The browser uploads CVs to the bucket directly (presigned POST from the web origin) and reads the answer: the
 * files bucket answers CORS for `webOrigins` only, as the deployed bucket does for the site (infra/files.ts).
 */
function corsFor(webOrigins: readonly string[]): string {
  const origins = webOrigins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join("");
  return `<CORSConfiguration><CORSRule>${origins}<AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/**
 * Starts s3rver (a local S3-compatible server, in this process) on 127.0.0.1:`port` with the given buckets.
 * `directory` keeps the objects (`.data/s3` for npm start); without it a temporary folder is used and removed on
 * stop (tests). s3rver enforces neither presigned-POST policies nor authentication (docs/decisions.md): the API
 * checks every uploaded object itself.
 * @example const s3 = await startLocalS3({ port: 4569, buckets: ["ketnoi-files"], webOrigins: ["http://127.0.0.1:5173"] })
 */
export async function startLocalS3(options: {
  port: number;
  buckets: readonly string[];
  webOrigins?: readonly string[];
  directory?: string;
}): Promise<LocalS3> {
  const temporary = options.directory ? undefined : mkdtempSync(join(tmpdir(), "ketnoi-s3-"));
  const directory = options.directory ?? temporary!;
  mkdirSync(directory, { recursive: true });
  const cors = options.webOrigins?.length ? [corsFor(options.webOrigins)] : [];
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: cors })),
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    async stop() {
      await server.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}
