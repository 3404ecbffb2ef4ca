import type { DataConfig } from "../config";
import { s3FetchObjectClient } from "../search/s3-fetch-store";
import { type SnapshotStore, s3SnapshotStore } from "../search/snapshot-store";

/**
 * Where a deploy entry keeps the candidate snapshot: S3, the search snapshot's bucket (SEARCH_BUCKET) under its own
 * key (CANDIDATES_KEY), reached like the search snapshot (signed fetch, conditional GET/PUT; s3-fetch-store.ts)
 * with the environment's credentials. Both variables are required when STAGE is not `local` or `test` (this
 * throws naming them); on those two stages without them the result is undefined (file or memory store).
 * @example const store = deployedCandidateStore(dataConfig()); if (store) configureCandidates({ store, refreshMs: 15_000 })
 */
export function deployedCandidateStore(
  cfg: Pick<DataConfig, "STAGE" | "AWS_REGION" | "SEARCH_BUCKET" | "CANDIDATES_KEY">,
  env: NodeJS.ProcessEnv = process.env,
): SnapshotStore | undefined {
  const { STAGE, SEARCH_BUCKET, CANDIDATES_KEY } = cfg;
  if (SEARCH_BUCKET && CANDIDATES_KEY) {
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = env;
    if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) {
      throw new Error(
        "Invalid configuration:\n  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: required to read the candidate snapshot in S3",
      );
    }
    const endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
    const client = s3FetchObjectClient(
      { bucket: SEARCH_BUCKET, key: CANDIDATES_KEY },
      {
        region: cfg.AWS_REGION,
        accessKeyId: AWS_ACCESS_KEY_ID,
        secretAccessKey: AWS_SECRET_ACCESS_KEY,
        ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
        ...(endpoint ? { endpoint } : {}),
      },
    );
    return s3SnapshotStore(client);
  }
  if (STAGE === "local" || STAGE === "test") return undefined;
  const missing = [SEARCH_BUCKET ? [] : ["SEARCH_BUCKET"], CANDIDATES_KEY ? [] : ["CANDIDATES_KEY"]].flat();
  throw new Error(
    `Invalid configuration:\n  ${missing.map((name) => `${name}: required when STAGE=${STAGE} (the candidate snapshot in S3)`).join("\n  ")}`,
  );
}
