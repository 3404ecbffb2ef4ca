import { expect, it } from "vitest";
import { call } from "../../test/helpers";
import { apply, freshIp, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";

// Its own file: the limiter lives in the messages routes module, which each test file loads afresh.
it("limits each sender to 30 messages a minute, whatever address they send from; others are not held back", async () => {
  await verifiedOrganisation("org-msg-rate");
  const recruiter = await memberOf("rec-msg-rate", "org-msg-rate");
  const student = await studentWithProfile("sv-msg-rate");
  const id = (await apply(student, await listingOf(recruiter, "org-msg-rate"), { answers: [] })).json.id;
  const send = (token: string) =>
    call("POST", `/api/applications/${id}/messages`, {
      token,
      body: { text: "Xin chào" },
      headers: { "x-forwarded-for": freshIp() },
    });
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await send(student)).status);
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
  const limited = await send(student);
  expect(limited.status).toBe(429);
  expect(limited.json.error.code).toBe("rate_limited");
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(statuses[30]).toBe(429);
  // The other side of the same thread is a different sender.
  expect((await send(recruiter)).status).toBe(201);
});
