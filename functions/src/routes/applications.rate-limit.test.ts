import { expect, it } from "vitest";
import { apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";

// Its own file: the limiter lives in the application routes module, which each test file loads afresh.
it("rate-limits applying: the 21st attempt from one client within a minute gets 429 with Retry-After", async () => {
  await verifiedOrganisation("org-rate");
  const listingId = await listingOf(await memberOf("rec-rate", "org-rate"), "org-rate");
  const student = await studentWithProfile("sv-rate-apply");
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const res = await apply(student, listingId, {}, "198.51.100.7");
    statuses.push(res.status);
    if (res.status === 429) {
      expect(res.json.error.code).toBe("rate_limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  }
  // Repeats of an accepted application are refused (409) but still count against the limit.
  expect(statuses.slice(0, 20)).toEqual([201, ...Array(19).fill(409)]);
  expect(statuses[20]).toBe(429);
  expect((await apply(student, listingId, {}, "198.51.100.8")).status).toBe(409);
});
