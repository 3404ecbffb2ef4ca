import { config } from "../config";
import { configureSearch } from "../search/live";
import { deployedSearchStore } from "../search/s3-fetch-store";

/**
 * Deployed, the search index comes from the snapshot the stream consumer keeps in S3 (docs/search.md): loaded on
 * the first search, re-checked every 15 s with If-None-Match, never built from the table here, never saved here.
 * The configuration is parsed at cold start, so a missing variable fails the start naming it.
 */
export function configureDeployedSearch(): void {
  const searchStore = deployedSearchStore(config());
  if (searchStore) {
    configureSearch({ store: searchStore, bootstrap: false, persist: false, refreshMs: 15_000 });
  }
}
