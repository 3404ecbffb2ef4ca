/** What scripts/e2e-reach.ts reads back from maildev: mails per address and the .ics parts they carry. */
import { mailSource, mailsTo, type ReceivedMail } from "@ketnoi/functions/test/maildev";

/** One VEVENT as a calendar app reads it: its properties by name (unfolded, parameters dropped). */
export interface ParsedEvent {
  method: string | undefined;
  uid: string;
  sequence: number;
  dtstart: string;
  status: string | undefined;
}

/** RFC 5545 §3.1: lines folded at 75 octets continue with a space or tab; unfold them first. */
function unfold(ics: string): string[] {
  return ics.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
}

/** Parses an iCalendar text back into its one VEVENT, failing loudly on anything a calendar app would reject. */
export function parseIcs(ics: string): ParsedEvent {
  const lines = unfold(ics);
  if (lines[0] !== "BEGIN:VCALENDAR" || !lines.includes("END:VCALENDAR")) throw new Error(`not a VCALENDAR:\n${ics}`);
  const begin = lines.indexOf("BEGIN:VEVENT");
  const end = lines.indexOf("END:VEVENT");
  if (begin < 0 || end < begin) throw new Error(`no VEVENT:\n${ics}`);
  const property = (from: string[], name: string) => {
    const line = from.find((l) => l.split(":")[0]!.split(";")[0] === name);
    return line?.slice(line.indexOf(":") + 1);
  };
  const event = lines.slice(begin + 1, end);
  const uid = property(event, "UID");
  const sequence = property(event, "SEQUENCE");
  const dtstart = property(event, "DTSTART");
  if (!uid || sequence === undefined || !dtstart) throw new Error(`VEVENT lacks UID, SEQUENCE or DTSTART:\n${ics}`);
  return {
    method: property(lines.slice(0, begin), "METHOD"),
    uid,
    sequence: Number(sequence),
    dtstart,
    status: property(event, "STATUS"),
  };
}

/** The text/calendar parts of a raw MIME message, decoded (base64, quoted-printable or plain). */
export function calendarParts(source: string): string[] {
  const lines = source.split(/\r?\n/);
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^content-type:\s*text\/calendar/i.test(lines[i]!)) continue;
    // The part's headers run to the first blank line; its body to the next boundary ("--…").
    let j = i;
    let encoding = "7bit";
    while (j < lines.length && lines[j] !== "") {
      const match = /^content-transfer-encoding:\s*(\S+)/i.exec(lines[j]!);
      if (match) encoding = match[1]!.toLowerCase();
      j++;
    }
    const body: string[] = [];
    for (j++; j < lines.length && !lines[j]!.startsWith("--"); j++) body.push(lines[j]!);
    const raw = body.join("\n");
    parts.push(
      encoding === "base64"
        ? Buffer.from(raw.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoding === "quoted-printable"
          ? Buffer.from(
              raw
                .replace(/=\n/g, "")
                .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            ).toString("utf8")
          : raw,
    );
    i = j;
  }
  return parts;
}

/** A mail with its calendar events parsed back (every text/calendar part: the invitation and the attachment). */
export interface CalendarMail {
  mail: ReceivedMail;
  events: ParsedEvent[];
}

/** The mails to `address` that carry an interview invitation with this UID (any UID when none is given). */
export async function invitationsTo(mailUrl: string, address: string, uid?: string): Promise<CalendarMail[]> {
  const found: CalendarMail[] = [];
  for (const mail of await mailsTo(mailUrl, address)) {
    const events = calendarParts(await mailSource(mailUrl, mail.id)).map(parseIcs);
    if (events.length > 0 && (!uid || events.every((e) => e.uid === uid))) found.push({ mail, events });
  }
  return found;
}

/** Polls until `check` returns a value (the stream consumer mails within seconds); fails with `what` after 40 s. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`maildev never received ${what} within 40 s`);
}
