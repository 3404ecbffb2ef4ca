import type { LiteTransport } from "./transport";
import { sdkTransport } from "./transport-sdk";

let transport: LiteTransport | undefined;

/**
 * The process's transport for the lite data path: the SDK's DocumentClient here (tests, local runs, scripts). The lean
 * deployed bundles import functions/src/bundle/lite-transport-fetch.ts in this module's place (infra/function.ts
 * `bundleAliases`, through the package specifier `@ketnoi/functions/db/lite-transport` that db/lite.ts imports), so
 * they never bundle the SDK's DynamoDB client for it.
 */
export function liteTransport(): LiteTransport {
  transport ??= sdkTransport();
  return transport;
}
