import { ensureTable } from "../functions/src/local/tables";
import { seedDemoData, tableHasItems } from "../functions/src/seed/seed";
import { withLocalDynamo } from "./local-dynamo";

/**
 * `npm run seed [-- --reset]`: writes the demo data into DynamoDB Local. Uses the one already listening on
 * 127.0.0.1:$KETNOI_DYNAMO_PORT (e.g. under `npm start`), or starts one on .data/ for the duration of the run.
 * Without --reset a table that already holds data is left alone.
 */
const reset = process.argv.includes("--reset");

async function main(): Promise<void> {
  await withLocalDynamo(async ({ endpoint, tableName }) => {
    const created = await ensureTable(endpoint, tableName);
    if (!created && !reset && (await tableHasItems())) {
      console.log(
        `Table ${tableName} already holds data; nothing done. Run \`npm run seed -- --reset\` to rebuild it.`,
      );
      return;
    }
    const started = Date.now();
    const { counts } = await seedDemoData({ reset: reset && !created });
    const summary = Object.entries(counts).map(([name, n]) => `${n} ${name}`);
    console.log(`Seeded table ${tableName} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.join(", ")}.`);
  }, console.log);
}

try {
  await main();
  // The SDK's keep-alive sockets would hold the process open for a while; the work is done.
  process.exit(0);
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
