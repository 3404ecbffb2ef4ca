type Attrs = Record<string, unknown>;

/**
 * ElectroDB's page cursor (util.js `cursorFormatter`): the key DynamoDB starts after, as base64url JSON. The lite data
 * path's paged reads (lite-pages.ts, lite-range.ts, data/lite-pages.ts) write and read the same strings, so a cursor
 * handed out before a function moved off ElectroDB still opens the next page. `null` when there is no next page.
 */
export const encodeCursor = (key: Attrs | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null;

/**
 * The key a cursor holds. Throws with ElectroDB's own words, which data/guard.ts `paginate` answers with a 400 on
 * `cursor`: "Unable to parse cursor" (not base64url JSON), "Invalid cursor provided" (not an object).
 */
export function decodeCursor(cursor: string): Attrs {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new Error("Unable to parse cursor");
  }
  if (typeof key !== "object" || key === null) throw new Error("Invalid cursor provided");
  return key as Attrs;
}
