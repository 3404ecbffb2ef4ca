import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import type { CalendarInterview, CalendarNames, InterviewCalendar } from "../interviews/ics";

// The deployed bundles alias yup to yup-skip.ts (infra/function.ts bundleAliases): the calendar the bundle writes
// must be the one the real yup lets through, byte for byte but the DTSTAMP (the time of writing).
const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ketnoi-yup-skip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Calendar = (interview: CalendarInterview, names: CalendarNames) => InterviewCalendar | undefined;
async function calendarFrom(bundleName: string, alias: Record<string, string>): Promise<Calendar> {
  const entry = join(dir, "entry.ts");
  writeFileSync(
    entry,
    `export { interviewCalendar } from ${JSON.stringify(join(root, "functions/src/interviews/ics.ts"))};\n`,
  );
  const outfile = join(dir, `${bundleName}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    alias,
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: "silent",
  });
  return ((await import(pathToFileURL(outfile).href)) as { interviewCalendar: Calendar }).interviewCalendar;
}

const base: CalendarInterview = {
  interviewId: "iv-1",
  status: "scheduled",
  slots: [
    { id: "s1", startsAt: "2026-12-10T02:00:00.000Z", durationMinutes: 45 },
    { id: "s2", startsAt: "2026-12-11T07:30:00.000Z", durationMinutes: 60 },
  ],
  chosenSlotId: "s1",
  mode: "in_person",
  communeId: undefined,
  address: "Số 1, đường Đồng Khởi",
  note: "Mang theo CV; hỏi bảo vệ, tầng 3",
  sequence: 2,
  history: [{ kind: "picked", startsAt: "2026-12-10T02:00:00.000Z" }],
  updatedAt: "2026-12-06T10:00:00.000Z",
};
const names = {
  listingTitle: "Thực tập nhúng, C/C++",
  orgName: "Amata Tech; Biên Hòa",
  organizerEmail: "no-reply@ketnoi.example",
};
const stamp = (content: string) => content.replace(/^DTSTAMP:.*$/m, "DTSTAMP:x");

describe("yup-skip, the deployed stand-in for ics's validator", () => {
  it("writes the same calendars as the real yup (scheduled in person, online, cancelled)", async () => {
    const real = await calendarFrom("real", {});
    const skipped = await calendarFrom("skipped", { yup: join(root, "functions/src/bundle/yup-skip.ts") });
    const cases: CalendarInterview[] = [
      base,
      { ...base, mode: "online", link: "https://meet.example/abc", address: undefined },
      { ...base, status: "cancelled", chosenSlotId: undefined, sequence: 3 },
    ];
    for (const interview of cases) {
      const expected = real(interview, names)!;
      expect(expected.content).toContain("BEGIN:VEVENT");
      const got = skipped(interview, names)!;
      expect({ ...got, content: stamp(got.content) }).toEqual({ ...expected, content: stamp(expected.content) });
    }
  }, 60_000);
});
