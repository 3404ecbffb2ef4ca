import { isDatabaseUnavailable } from "../http/errors";

/** How often a batch write is retried before the seed gives up, and the pause before each retry. */
export const maxAttempts = 8;
export const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));

/**
 * Puts items in batches through an ElectroDB entity (which chunks them by 25) and puts again whatever DynamoDB
 * left unprocessed, with backoff. ElectroDB types unprocessed puts as key attributes only, so they are
 * matched back to the full items with `keyOf`. A request that timed out (db/client.ts fails requests over 5 s;
 * a loaded DynamoDB Local is that slow at times) puts the whole set again: puts are idempotent.
 */
export async function putAll<T, K>(
  items: readonly T[],
  put: (batch: T[]) => Promise<{ unprocessed: K[] }>,
  keyOf: (item: T | K) => string,
): Promise<void> {
  let pending = [...items];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === maxAttempts) throw new Error(`Seeding gave up with ${pending.length} unprocessed items`);
    if (attempt > 0) await backoff(attempt);
    let unprocessed: K[];
    try {
      ({ unprocessed } = await put(pending));
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt === maxAttempts - 1) throw error;
      continue;
    }
    const left = new Set(unprocessed.map(keyOf));
    pending = pending.filter((item) => left.has(keyOf(item)));
  }
}
