import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { type DynamoLocal, startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { portInUse } from "@ketnoi/functions/local/ports";

const root = resolve(fileURLToPath(import.meta.url), "../..");

/** The local table the operator scripts (seed, reconcile, retention) work on. */
export interface LocalTable {
  endpoint: string;
  tableName: string;
}

/**
 * Runs `work` against the local table: uses the DynamoDB Local already listening on
 * 127.0.0.1:$KETNOI_DYNAMO_PORT (8000; e.g. under `npm start`), or starts one on .data/ for the duration of the
 * run and stops it afterwards (also if the process dies). The API's configuration points at it.
 */
export async function withLocalDynamo<T>(
  work: (table: LocalTable) => Promise<T>,
  log: (line: string) => void = () => {},
): Promise<T> {
  const port = Number(process.env.KETNOI_DYNAMO_PORT ?? 8000);
  const tableName = process.env.TABLE_NAME ?? "ketnoi-local";
  let dynamo: DynamoLocal | undefined;
  const killJava = () => dynamo?.process.kill("SIGKILL");
  process.once("exit", killJava);
  try {
    let endpoint = `http://127.0.0.1:${port}`;
    if (await portInUse(port)) {
      log(`Using the DynamoDB Local already listening on ${endpoint}.`);
    } else {
      const dbPath = resolve(root, ".data/dynamodb");
      mkdirSync(dbPath, { recursive: true });
      log(`Starting DynamoDB Local on port ${port} (${dbPath})…`);
      dynamo = await startDynamoLocal({ port, dbPath });
      endpoint = dynamo.endpoint;
    }
    useLocalConfig({ endpoint, tableName, apiUrl: "http://127.0.0.1:8787" });
    return await work({ endpoint, tableName });
  } finally {
    await dynamo?.stop();
    process.removeListener("exit", killJava);
  }
}
