import type { MiddlewareHandler } from "hono";
import { dataConfig } from "../config";
import { countDbCalls } from "../db/call-counter";

/** The response header that tells a local client (tests, the routes bench) how many DynamoDB commands it cost. */
export const dbCallsHeader = "x-ketnoi-db-calls";

/**
 * Opens a DynamoDB call-counting scope for each request. Outside prod the count is sent back in a header, so the
 * bench and the tests measure every route from outside; prod does not reveal its internals.
 */
export const dbCallScope: MiddlewareHandler = async (c, next) => {
  const { scope } = await countDbCalls(() => next());
  if (dataConfig().STAGE !== "prod") c.header(dbCallsHeader, String(scope.calls));
};
