import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, setConfig } from "../functions/src/config";
import { type DynamoLocal, startDynamoLocal } from "../functions/src/local/dynamodb-local";
import { portInUse } from "../functions/src/local/ports";
import { ensureTable } from "../functions/src/local/tables";
import { seedDemoData, tableHasItems } from "../functions/src/seed/seed";

/**
 * `npm run seed [-- --reset]`: writes the demo data into DynamoDB Local. Uses the one already listening on
 * 127.0.0.1:$KETNOI_DYNAMO_PORT (e.g. under `npm start`), or starts one on .data/ for the duration of the run.
 * Without --reset a table that already holds data is left alone.
 */
const root = resolve(fileURLToPath(import.meta.url), "../..");
const port = Number(process.env.KETNOI_DYNAMO_PORT ?? 8000);
const tableName = process.env.TABLE_NAME ?? "ketnoi-local";
const reset = process.argv.includes("--reset");

async function main(): Promise<void> {
  let dynamo: DynamoLocal | undefined;
  const killJava = () => dynamo?.process.kill("SIGKILL");
  process.once("exit", killJava);
  try {
    let endpoint = `http://127.0.0.1:${port}`;
    if (await portInUse(port)) {
      console.log(`Using the DynamoDB Local already listening on ${endpoint}.`);
    } else {
      const dbPath = resolve(root, ".data/dynamodb");
      mkdirSync(dbPath, { recursive: true });
      console.log(`Starting DynamoDB Local on port ${port} (${dbPath})…`);
      dynamo = await startDynamoLocal({ port, dbPath });
      endpoint = dynamo.endpoint;
    }
    setConfig(
      loadConfig({
        ...process.env,
        STAGE: "local",
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: endpoint,
        AUTH_ISSUER: "http://127.0.0.1:8787/api/dev-auth",
        AUTH_AUDIENCE: "ketnoi-web",
        DEV_AUTH: "true",
      }),
    );
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
  } finally {
    await dynamo?.stop();
    process.removeListener("exit", killJava);
  }
}

try {
  await main();
  // The SDK's keep-alive sockets would hold the process open for a while; the work is done.
  process.exit(0);
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
