import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { config, setConfig } from "../config";
import { originVerifyHeader } from "./origin-verify";

const secret = "s".repeat(40);
const original = config();
afterEach(() => setConfig(original));

describe("origin verification (the API reachable only through CloudFront), over HTTP", () => {
  it("refuses a request without CloudFront's header when the secret is configured, and serves one with it", async () => {
    setConfig({ ...original, ORIGIN_VERIFY_SECRET: secret });
    const app = createApp();
    const direct = await app.request("/api/health");
    expect(direct.status).toBe(403);
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const wrong = await app.request("/api/health", { headers: { [originVerifyHeader]: "x".repeat(40) } });
    expect(wrong.status).toBe(403);
    const viaCloudFront = await app.request("/api/health", { headers: { [originVerifyHeader]: secret } });
    expect(viaCloudFront.status).toBe(200);
  });

  it("is off without the secret (local server and tests)", async () => {
    setConfig({ ...original, ORIGIN_VERIFY_SECRET: undefined });
    expect((await createApp().request("/api/health")).status).toBe(200);
  });
});
