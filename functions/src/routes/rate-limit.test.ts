import { expect, it, vi } from "vitest";
import { call, userWithToken } from "../../test/helpers";

it("issues tokens only for demo accounts that exist", async () => {
  expect((await call("POST", "/api/dev-auth/token", { body: { userId: "nobody-here" } })).status).toBe(404);
});

it("rate-limits sign-in per client: the 31st attempt within a minute gets 429, a JSON error and Retry-After", async () => {
  await userWithToken("sv-rate", "student");
  const signIn = (ip?: string) =>
    call("POST", "/api/dev-auth/token", {
      body: { userId: "sv-rate" },
      ...(ip ? { headers: { "x-forwarded-for": ip } } : {}),
    });
  const responses: Awaited<ReturnType<typeof signIn>>[] = [];
  // One attempt was spent by the test above.
  for (let i = 0; i < 30; i++) responses.push(await signIn());
  expect(responses.slice(0, 29).map((r) => r.status)).toEqual(Array(29).fill(200));

  const limited = responses[29]!;
  expect(limited.status).toBe(429);
  expect(limited.headers.get("content-type")).toMatch(/^application\/json/);
  expect(limited.json.error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/\S/) });
  expect(limited.json).not.toHaveProperty("token");
  const retryAfter = limited.headers.get("retry-after");
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(60);

  // Another client is not held back by this one.
  expect((await signIn("203.0.113.9")).status).toBe(200);
  // Retry-After tells the truth: once it has passed, this client may sign in again.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + Number(retryAfter) * 1000);
  try {
    expect((await signIn()).status).toBe(200);
  } finally {
    vi.useRealTimers();
  }
});
