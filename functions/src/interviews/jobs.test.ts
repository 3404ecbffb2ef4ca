import { todayInVietnam } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { advance, apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { sendInterviewReminders } from "./jobs";

let recruiter: string;
let student: string;
let startsAt: string;

beforeAll(async () => {
  await verifiedOrganisation("org-remind");
  [recruiter, student] = await Promise.all([memberOf("rec-remind", "org-remind"), studentWithProfile("sv-remind")]);
  const listingId = await listingOf(recruiter, "org-remind");
  const applied = await apply(student, listingId, {});
  await advance(recruiter, applied.json.id, 1, ["interview"]);
  const url = `/api/applications/${applied.json.id}/interview`;
  const date = todayInVietnam(new Date(Date.now() + 3 * 86_400_000));
  const proposed = await call("POST", url, {
    token: recruiter,
    body: {
      slots: [{ date, startTime: "10:00", durationMinutes: 30 }],
      mode: "online",
      link: "https://meet.example.vn/k",
    },
  });
  const picked = await call("POST", `${url}/pick`, {
    token: student,
    body: { slotId: proposed.json.slots[0].id, version: 1 },
  });
  startsAt = picked.json.slots[0].startsAt;
});

const reminders = async (token: string) =>
  ((await call("GET", "/api/notifications", { token })).json.items as { kind: string; title: { vi: string } }[]).filter(
    (n) => n.kind === "interview_reminder",
  );

describe("interview reminders", () => {
  it("reminds both sides 24 h and 1 h before, once per window however often the job runs", async () => {
    const start = Date.parse(startsAt);
    expect(await sendInterviewReminders(new Date(start - 30 * 3_600_000))).toBe(0);
    const at23h = new Date(start - 23 * 3_600_000);
    expect(await sendInterviewReminders(at23h)).toBe(2);
    expect(await Promise.all([sendInterviewReminders(at23h), sendInterviewReminders(at23h)])).toEqual([0, 0]);
    expect(await sendInterviewReminders(new Date(start - 50 * 60_000))).toBe(2);
    expect(await sendInterviewReminders(new Date(start - 10 * 60_000))).toBe(0);
    expect(await sendInterviewReminders(new Date(start + 60_000))).toBe(0);
    for (const token of [student, recruiter]) {
      const titles = (await reminders(token)).map((n) => n.title.vi);
      expect(titles).toHaveLength(2);
      expect(titles.some((t) => t.includes("sau 1 giờ nữa"))).toBe(true);
      expect(titles.some((t) => t.includes("trong 24 giờ tới"))).toBe(true);
    }
  });
});
