import { configureCandidates } from "./candidates/live";
import { deployedCandidateStore } from "./candidates/store";
import { dataConfig } from "./config";
import { configureSearch } from "./search/live";
import { deployedSearchStore } from "./search/s3-fetch-store";
import { createStreamHandler } from "./stream";

// The stream consumer derives every side effect of a stored change (docs/architecture.md, "Stream path"), among them
// the S3 snapshot the API functions read (docs/search.md, "In deploy"). It verifies
// no tokens and serves no HTTP, so it parses only the data layer's variables; a missing one fails the cold start.
const searchStore = deployedSearchStore(dataConfig());
if (searchStore) configureSearch({ store: searchStore, bootstrap: false, persist: false });
// The candidate snapshot it keeps beside the search snapshot (docs/data-model.md, "Candidate snapshot").
const candidateStore = deployedCandidateStore(dataConfig());
if (candidateStore) configureCandidates({ store: candidateStore });

/** The Lambda entry of the table's stream consumer (DynamoDB event source, ReportBatchItemFailures). */
export const handler = createStreamHandler(searchStore ? { store: searchStore } : {});
