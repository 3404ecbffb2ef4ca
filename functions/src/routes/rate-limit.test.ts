import { expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";

it("issues tokens only for demo accounts that exist", async () => {
  expect((await call("POST", "/api/dev-auth/token", { body: { userId: "nobody-here" } })).status).toBe(404);
});

it("rate-limits sign-in: the 31st attempt within a minute gets 429 with Retry-After", async () => {
  await userWithToken("sv-rate", "student");
  const statuses: number[] = [];
  // One attempt was spent by the test above.
  for (let i = 0; i < 30; i++) {
    const res = await call("POST", "/api/dev-auth/token", { body: { userId: "sv-rate" } });
    statuses.push(res.status);
    if (res.status === 429) {
      expect(res.json.error.code).toBe("rate_limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  }
  expect(statuses.slice(0, 29).every((s) => s === 200)).toBe(true);
  expect(statuses[29]).toBe(429);
});
