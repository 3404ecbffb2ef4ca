import { expect, it, vi } from "vitest";
import { apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";

// Its own file: the limiter lives in the application routes module, which each test file loads afresh.
it("rate-limits applying: the 21st attempt from one client within a minute gets 429, a JSON error and Retry-After", async () => {
  await verifiedOrganisation("org-rate");
  const listingId = await listingOf(await memberOf("rec-rate", "org-rate"), "org-rate");
  const student = await studentWithProfile("sv-rate-apply");
  const responses: Awaited<ReturnType<typeof apply>>[] = [];
  for (let i = 0; i < 21; i++) responses.push(await apply(student, listingId, {}, "198.51.100.7"));
  // Repeats of an accepted application are refused (409) but still count against the limit.
  expect(responses.slice(0, 20).map((r) => r.status)).toEqual([201, ...Array(19).fill(409)]);

  const limited = responses[20]!;
  expect(limited.status).toBe(429);
  expect(limited.headers.get("content-type")).toMatch(/^application\/json/);
  expect(limited.json.error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/\S/) });
  const retryAfter = limited.headers.get("retry-after");
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(60);

  // Another client is not held back; the limited one is let through again once Retry-After has passed.
  expect((await apply(student, listingId, {}, "198.51.100.8")).status).toBe(409);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + Number(retryAfter) * 1000);
  try {
    expect((await apply(student, listingId, {}, "198.51.100.7")).status).toBe(409);
  } finally {
    vi.useRealTimers();
  }
});
