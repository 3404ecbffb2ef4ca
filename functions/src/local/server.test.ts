import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./ports";
import { serveApi } from "./server";

// Found by `npm run probe` (fuzz, over HTTP): a 100 kB address got Node's own empty 431, not the API's error shape
// (the in-process fuzz test never reaches Node's parser).
let api: Awaited<ReturnType<typeof serveApi>>;

beforeAll(async () => {
  api = await serveApi(await freePort());
});
afterAll(async () => {
  await api.close();
});

describe("the local HTTP server", () => {
  it("answers a request its parser refuses with the API's JSON error shape", async () => {
    const res = await fetch(`${api.url}/api/listings/${"ệ".repeat(40_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("headers_too_large");
    // And it still serves the next request.
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
  });
});
