import { normaliseInput } from "@ketnoi/core";
import type { MiddlewareHandler } from "hono";

/**
 * Every JSON body the API reads is normalised once here (NFC; names and labels trimmed, see core `normaliseInput`)
 * before any validator or route sees it, so no route can store decomposed text by forgetting to normalise.
 * The validators read `c.req.json()`, which parses the cached text this replaces. A body that is not JSON is
 * left as it is, for the validator to refuse.
 */
export const normaliseText: MiddlewareHandler = async (c, next) => {
  if (/^application\/json(\s*;|$)/i.test(c.req.header("content-type") ?? "")) {
    const text = await c.req.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Malformed JSON: left for the validator, which answers 400.
      return next();
    }
    // Hono types the cache as values, but stores (and awaits) promises of them.
    (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(JSON.stringify(normaliseInput(parsed)));
  }
  return next();
};
