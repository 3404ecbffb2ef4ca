import { configureCandidates } from "../candidates/live";
import { deployedCandidateStore } from "../candidates/store";
import { config } from "../config";

/**
 * Deployed, the candidates route reads the candidate snapshot the stream consumer keeps in S3: loaded on the first
 * ranking, re-checked every 15 s with If-None-Match (a 304 when unchanged), never read from the table here.
 * The configuration is parsed at cold start, so a missing variable fails the start naming it.
 */
export function configureDeployedCandidates(): void {
  const store = deployedCandidateStore(config());
  if (store) configureCandidates({ store, refreshMs: 15_000 });
}
