import { handle } from "hono/aws-lambda";

// Hono's Lambda adapter builds a web Request for every event and answers with a web Response: Node 22 loads their
// implementation (undici, ~13–18 ms) the first time either is touched. Touched here, when the function is imported,
// so that a cold start's first request does not pay for it (docs/decisions.md, "node:http loaded as CommonJS").
// Functions that never build a Request (the stream consumer, the jobs, mail) do not import this and never load it.
void globalThis.Request;

/**
 * The Lambda handler of a KetNoi Hono app (API Gateway HTTP API events), with the web Request loaded at import.
 * @example export const handler = lambdaHandle(buildApp(mount).app);
 */
export const lambdaHandle = handle;
