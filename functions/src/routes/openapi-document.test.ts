import { describe, expect, it } from "vitest";
import { deployedDocumentSource } from "./deployed-document";
import { acceptsGzip } from "./docs-page";
import { deployedApiDocument } from "./document";

describe("the OpenAPI document the docs function serves as built", () => {
  it("is the document generated from the routes now (else run `npm run openapi`)", async () => {
    const built = await deployedDocumentSource.document();
    // Through JSON, as a client reads it: undefined members are not in the served document either.
    expect(built, "openapi-document.generated.ts is stale: run `npm run openapi`").toEqual(
      JSON.parse(JSON.stringify(await deployedApiDocument())),
    );
  }, 60_000);

  it("is sent compressed only to a client that accepts gzip", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
