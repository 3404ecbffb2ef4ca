import { type LocalStreamReader, startLocalStreamReader } from "../src/aggregates/local-stream";
import { dataConfig } from "../src/config";
import { searchWorkSettled } from "../src/search/live";

let reader: Promise<LocalStreamReader> | undefined;

/**
 * Waits until every side effect of the writes made so far has happened: the test file's stream consumer (the
 * same one `npm start` runs, started on first use over the file's table from its first record) has read the
 * stream to its end, and the search snapshot is saved. Tests call it where they used to rely on the request
 * writing notices or the search index itself; it never sleeps a fixed time.
 * @example await call("POST", "/api/applications", …); await effectsSettled(); // the notice is there now
 */
export async function effectsSettled(timeoutMs = 20_000): Promise<void> {
  reader ??= startLocalStreamReader({
    endpoint: dataConfig().DYNAMODB_ENDPOINT!,
    tableName: dataConfig().TABLE_NAME,
    from: "TRIM_HORIZON",
    pollMs: 25,
    poison: { backoffMs: 20, maxBackoffMs: 200 },
    log: (line) => console.error(line),
  });
  await (await reader).drain(timeoutMs);
  await searchWorkSettled();
}

/** Stops the file's stream consumer (setup.ts does it after each file; a test may stop it earlier). */
export async function stopEffects(): Promise<void> {
  const running = reader;
  reader = undefined;
  if (running) await (await running).stop();
}
