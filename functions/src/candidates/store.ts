import type { DataConfig } from "../config";
import { deployedSnapshotStore } from "../search/s3-fetch-store";
import type { SnapshotStore } from "../search/snapshot-store";

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
  return deployedSnapshotStore(cfg, "CANDIDATES_KEY", "the candidate snapshot", env);
}
