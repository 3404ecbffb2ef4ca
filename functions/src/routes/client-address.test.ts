import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userWithToken } from "../../test/helpers";
import { config, setConfig } from "../config";
import { freePort } from "../local/ports";
import { serveApi } from "../local/server";

// Found from outside: rate limits were keyed on X-Forwarded-For, which any client sets (40 sign-ins with 40
// values → no 429). Over a real socket and with no trusted proxy configured, the key is the socket's peer.

let server: Awaited<ReturnType<typeof serveApi>>;
const original = config();

beforeAll(async () => {
  setConfig({ ...original, TRUSTED_PROXIES: [] });
  server = await serveApi(await freePort());
  await userWithToken("ca-student", "student");
});
afterAll(async () => {
  await server.close();
  setConfig(original);
});

const signIn = (forwardedFor: string) =>
  fetch(`${server.url}/api/dev-auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ userId: "ca-student" }),
  });

describe("rate limits are keyed on the real client", () => {
  it("40 sign-ins with 40 different X-Forwarded-For values from one socket address are limited after 30", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await signIn(`198.18.0.${i + 1}`)).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
  });

  it("believes X-Forwarded-For only from a trusted proxy, and then its right-most untrusted address", async () => {
    setConfig({ ...original, TRUSTED_PROXIES: ["127.0.0.1"] });
    try {
      // The same socket, now a trusted proxy: each forwarded client has its own budget…
      expect((await signIn("198.18.1.1")).status).toBe(200);
      // …and a client cannot pick its key by prepending addresses: the proxy appended the real one last.
      const spoofed: number[] = [];
      for (let i = 0; i < 31; i++) spoofed.push((await signIn(`10.9.9.${i}, 198.18.2.2`)).status);
      expect(spoofed.at(-1)).toBe(429);
    } finally {
      setConfig({ ...original, TRUSTED_PROXIES: [] });
    }
  });
});
