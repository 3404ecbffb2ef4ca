import { ensureTable } from "@ketnoi/functions/local/tables";
import { seedScales } from "@ketnoi/functions/seed/province-data";
import { seedDemoData, seedProvinceData, tableHasItems } from "@ketnoi/functions/seed/seed";
import { withLocalDynamo } from "./local-dynamo";

/**
 * `npm run seed [-- --reset] [-- --scale demo|district|province]`: writes the demo data (default), or a generated
 * province (100,000 students, 2,000 organisations, 20,000 listings, 300,000 applications; `district` is a tenth
 * of it) into DynamoDB Local. Uses the one already listening on
 * 127.0.0.1:$KETNOI_DYNAMO_PORT (e.g. under `npm start`), or starts one on .data/ for the duration of the run.
 * Without --reset a table that already holds data is left alone.
 */
const reset = process.argv.includes("--reset");
const scaleAt = process.argv.indexOf("--scale");
const scaleName = (scaleAt >= 0 ? process.argv[scaleAt + 1] : undefined) ?? "demo";
if (scaleName !== "demo" && !(scaleName in seedScales)) {
  console.error(`Unknown --scale ${scaleName}: demo, ${Object.keys(seedScales).join(", ")}.`);
  process.exit(2);
}

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
    const clear = reset && !created;
    const { counts } =
      scaleName === "demo"
        ? await seedDemoData({ reset: clear })
        : await seedProvinceData(seedScales[scaleName as keyof typeof seedScales], {
            reset: clear,
            progress: (line) => console.log(`  ${line}`),
          });
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
