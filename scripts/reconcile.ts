import { reconcileAggregates } from "@ketnoi/functions/aggregates/reconcile";
import { configureCandidates, rebuildCandidateSnapshot } from "@ketnoi/functions/candidates/live";
import { deployedCandidateStore } from "@ketnoi/functions/candidates/store";
import { dataConfig } from "@ketnoi/functions/config";
import { withLocalDynamo } from "./local-dynamo";

/**
 * `npm run reconcile [-- --repair] [-- --aws]`: recomputes every dashboard aggregate from the source records and
 * prints each counter that drifted (exit code 1 if any). Locally it uses the DynamoDB Local of `npm start`
 * (or starts one on .data/); `--aws` uses TABLE_NAME and AWS_REGION with the default AWS credentials.
 * `--repair` also rewrites the counters: run it only while no aggregator consumes the stream.
 * It also rebuilds the candidate snapshot from the consent index (a fresh stage, or one whose snapshot drifted):
 * locally .data/candidate-pool.json, with `--aws` the S3 object named by SEARCH_BUCKET and CANDIDATES_KEY. Its save
 * is conditional, so a stream consumer running meanwhile is never overwritten blindly.
 */
const repair = process.argv.includes("--repair");
const aws = process.argv.includes("--aws");

async function main(): Promise<number> {
  return aws ? reconcile() : withLocalDynamo(reconcile);
}

async function reconcile(): Promise<number> {
  const started = Date.now();
  const report = await reconcileAggregates({ repair });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Recomputed ${report.cells} counters from ${report.sourceRecords} source records in ${seconds} s.`);
  for (const d of report.drift.slice(0, 50)) {
    console.log(`  drift ${d.cellKey}: stored ${d.actual}, expected ${d.expected}`);
  }
  if (report.drift.length > 50) console.log(`  … and ${report.drift.length - 50} more`);
  console.log(
    report.drift.length === 0
      ? "Drift: 0 — every counter equals its recomputation."
      : `Drift: ${report.drift.length} counter(s)${repair ? ", repaired" : " (run with --repair to fix)"}.`,
  );
  const store = aws ? deployedCandidateStore(dataConfig()) : undefined;
  if (store) configureCandidates({ store });
  const candidates = await rebuildCandidateSnapshot();
  console.log(
    `Candidate snapshot rebuilt from the consent index: ${candidates.students} consenting students ` +
      `(${(candidates.bytes / 1e6).toFixed(2)} MB), ${candidates.drift} differed from the stored snapshot.`,
  );
  return report.drift.length === 0 || repair ? 0 : 1;
}

try {
  // The SDK's keep-alive sockets would hold the process open for a while; the work is done.
  process.exit(await main());
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(2);
}
