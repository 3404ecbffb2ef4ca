import { handle } from "hono/aws-lambda";
import { createApp } from "./app";
import { config } from "./config";
import { apiFunctionGroups } from "./routes/groups";
import { configureSearch } from "./search/live";
import { deployedSearchStore } from "./search/s3-fetch-store";

// Deployed, the search index comes from the snapshot the stream consumer keeps in S3 (docs/search.md): loaded on
// the first search, re-checked every 15 s with If-None-Match, never built from the table here, never saved here.
// The configuration is parsed at cold start, so a missing variable fails the start naming it.
const searchStore = deployedSearchStore(config());
if (searchStore) {
  configureSearch({ store: searchStore, bootstrap: false, persist: false, refreshMs: 15_000 });
}

/**
 * The API's Lambda entry: the same Hono app as the local server, behind API Gateway v2. It mounts every route group
 * but `files` (API Gateway sends /api/files/* to files-lambda.ts): that group's S3 client and pdf-lib stay out of this
 * bundle (files/backend.ts). Its OpenAPI document still lists the files routes (docs/architecture.md).
 */
export const handler = handle(createApp(apiFunctionGroups));
