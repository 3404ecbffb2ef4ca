import { gunzipSync } from "node:zlib";
import type { DocumentSource, OpenApiDocument } from "./docs-page";
import { openApiGzipBase64 } from "./openapi-document.generated";

let bytes: Buffer | undefined;
let parsed: OpenApiDocument | undefined;
const gzipped = () => (bytes ??= Buffer.from(openApiGzipBase64, "base64"));

/**
 * The OpenAPI document as built (`npm run openapi` writes openapi-document.generated.ts from document.ts
 * `deployedApiDocument()`; openapi-document.test.ts fails when they differ): what the deployed docs function serves
 * instead of generating it from every route at its cold start (issue 14: the whole app was 1,151 kB and ~2.7× the
 * floor's import; the document alone is ~490 kB of JSON, ~9 % of that gzip-compressed).
 */
export const deployedDocumentSource: DocumentSource = {
  gzipped,
  document: async () => (parsed ??= JSON.parse(gunzipSync(gzipped()).toString("utf8")) as OpenApiDocument),
};
