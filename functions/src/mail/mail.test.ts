import { todayInVietnam } from "@ketnoi/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectsSettled, stopEffects } from "../../test/effects";
import { call } from "../../test/helpers";
import { headerOf, mailSource, mailsTo } from "../../test/maildev";
import { advance, apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { allStreamRecords } from "../../test/stream-records";
import { loadMailConfig } from "../config";
import { deliverNotice } from "../data/notifications";
import { type MailDev, startMailDev } from "../local/maildev";
import { freePort } from "../local/ports";
import { createStreamHandler } from "../stream";
import { runDailyDigest } from "./digest";
import { registerMailSender, sendOnce } from "./sender";
import { mailTemplates } from "./templates";
import type { SendMail } from "./transport";

let maildev: MailDev;
let send: SendMail;
let unregister: () => void;
let recruiter: string;
let listingId: string;
const mailConfig = () =>
  loadMailConfig({ MAIL_TRANSPORT: "smtp", SMTP_PORT: String(maildev.smtpPort), WEB_ORIGIN: "http://127.0.0.1:5173" });

beforeAll(async () => {
  maildev = await startMailDev({ smtpPort: await freePort(), webPort: await freePort() });
  const registered = registerMailSender(mailConfig());
  send = registered!.send;
  unregister = registered!.unregister;
  await verifiedOrganisation("org-mail");
  recruiter = await memberOf("rec-mail", "org-mail");
  listingId = await listingOf(recruiter, "org-mail", { positions: 20 });
});

afterAll(async () => {
  await stopEffects();
  unregister?.();
  await maildev?.stop();
});

const applicationOf = async (token: string) => {
  const res = await apply(token, listingId, { note: "Em xin ứng tuyển." });
  expect(res.status).toBe(201);
  return res.json as { id: string; version: number };
};

describe("mail from the change stream, checked in maildev", () => {
  it("mails a student one Vietnamese mail per application step, with one-click unsubscribe headers", async () => {
    const student = await studentWithProfile("sv-mail-1");
    const application = await applicationOf(student);
    await advance(recruiter, application.id, application.version, ["reviewing"]);
    await effectsSettled();
    const mails = await mailsTo(maildev.webUrl, "sv-mail-1@example.vn");
    expect(mails.map((m) => m.subject).sort()).toEqual(
      ["Hồ sơ ứng tuyển: Đang xem xét", "Hồ sơ ứng tuyển: Đã nộp"].sort(),
    );
    const reviewing = mails.find((m) => m.subject.includes("Đang xem xét"))!;
    expect(reviewing.html).toContain('<html lang="vi">');
    expect(reviewing.text).toContain("Bạn nhận thư này vì bạn đã ứng tuyển");
    expect(reviewing.text).toContain(`http://127.0.0.1:5173/ung-tuyen/${application.id}`);
    const source = await mailSource(maildev.webUrl, reviewing.id);
    expect(headerOf(source, "List-Unsubscribe")).toMatch(
      /^<http:\/\/127\.0\.0\.1:5173\/api\/mail\/unsubscribe\?token=[\w.-]+>$/,
    );
    expect(headerOf(source, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The recruiter's notice of the new application is mailed too, in their own mailbox.
    expect((await mailsTo(maildev.webUrl, "rec-mail@example.vn")).map((m) => m.subject)).toContain(
      "Có hồ sơ ứng tuyển mới",
    );
  });

  it("sends nothing again when the stream delivers every record again, or a new consumer replays it", async () => {
    const everything = async () => ((await (await fetch(`${maildev.webUrl}/api/email`)).json()) as unknown[]).length;
    const before = await everything();
    await createStreamHandler()({ Records: await allStreamRecords() });
    await stopEffects();
    await effectsSettled(); // a fresh consumer from the stream's start
    expect(await everything()).toBe(before);
  });

  it("mails nobody whose account was erased before the stream got to the change", async () => {
    await stopEffects();
    const student = await studentWithProfile("sv-mail-erased");
    await applicationOf(student);
    const erased = await call("DELETE", "/api/students/me", { token: student, body: { confirm: "XOA TAI KHOAN" } });
    expect(erased.status).toBe(200);
    await effectsSettled();
    expect(await mailsTo(maildev.webUrl, "sv-mail-erased@example.vn")).toEqual([]);
  });

  it("turns a kind off by one-click unsubscribe, after which its next event sends nothing", async () => {
    const student = await studentWithProfile("sv-mail-unsub");
    const application = await applicationOf(student);
    await effectsSettled();
    const [first] = await mailsTo(maildev.webUrl, "sv-mail-unsub@example.vn");
    const link = headerOf(await mailSource(maildev.webUrl, first!.id), "List-Unsubscribe")!.slice(1, -1);
    const path = new URL(link).pathname + new URL(link).search;
    // What a mail client does (RFC 8058): POST the form, no session.
    const res = await call("POST", path, {
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ kind: "application_status", channel: "off" });
    const preferences = await call("GET", "/api/me/mail-preferences", { token: student });
    expect(preferences.json.kinds.application_status).toBe("off");
    await advance(recruiter, application.id, application.version, ["reviewing"]);
    await effectsSettled();
    expect(await mailsTo(maildev.webUrl, "sv-mail-unsub@example.vn")).toHaveLength(1);
    // The in-app notice still came: only the mail was turned off.
    const notices = (await call("GET", "/api/notifications", { token: student })).json.items;
    expect(notices).toHaveLength(2);
  });

  it("refuses a forged or altered unsubscribe token", async () => {
    const token = "dXNlcg.YXBwbGljYXRpb25fc3RhdHVz.forged";
    const res = await call("POST", `/api/mail/unsubscribe?token=${token}`);
    expect(res.status).toBe(400);
  });

  it("bundles daily-kind notices into one digest mail, sent once", async () => {
    const student = await studentWithProfile("sv-mail-digest");
    const put = await call("PUT", "/api/me/mail-preferences", {
      token: student,
      body: { language: "en", kinds: { application_status: "daily" } },
    });
    expect(put.status).toBe(200);
    expect(put.json.kinds.saved_search_match).toBe("daily");
    const application = await applicationOf(student);
    await advance(recruiter, application.id, application.version, ["reviewing", "shortlisted"]);
    await effectsSettled();
    expect(await mailsTo(maildev.webUrl, "sv-mail-digest@example.vn")).toEqual([]);
    const report = await runDailyDigest({ config: mailConfig(), send });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const [digest, ...more] = await mailsTo(maildev.webUrl, "sv-mail-digest@example.vn");
    expect(more).toEqual([]);
    expect(digest!.subject).toBe("KetNoi: 3 notices today");
    expect(digest!.html).toContain('<html lang="en">');
    for (const step of ["Submitted", "In review", "Shortlisted"])
      expect(digest!.text).toContain(`Application: ${step}`);
    await runDailyDigest({ config: mailConfig(), send });
    expect(await mailsTo(maildev.webUrl, "sv-mail-digest@example.vn")).toHaveLength(1);
  });

  it("attaches the files a kind's attachments hook gives", async () => {
    const student = await studentWithProfile("sv-mail-attach");
    const saved = mailTemplates.membership;
    mailTemplates.membership = {
      ...saved,
      attachments: (notice) => [{ filename: "invite.ics", contentType: "text/calendar", content: `UID:${notice.id}` }],
    };
    try {
      await deliverNotice(
        "sv-mail-attach",
        { kind: "membership", title: { vi: "Thử đính kèm", en: "Attachment test" } },
        { key: "attach-test", at: new Date().toISOString() },
      );
    } finally {
      mailTemplates.membership = saved!;
    }
    const [mail] = await mailsTo(maildev.webUrl, "sv-mail-attach@example.vn");
    expect(mail!.subject).toBe("Thử đính kèm");
    expect(mail!.attachments?.map((a) => a.contentType)).toEqual(["text/calendar"]);
    expect(student).toBeTruthy();
  });

  it("retries a transient SMTP failure and still sends once", async () => {
    let failures = 2;
    const flaky: SendMail = (mail) => {
      if (failures-- > 0)
        return Promise.reject(Object.assign(new Error("connection refused"), { code: "ECONNECTION" }));
      return send(mail);
    };
    const composed = { subject: "Thử lại", text: "x", html: "<p>x</p>", attachments: [] };
    const retry = { attempts: 2, backoffMs: 10 };
    // Two failures exhaust the first call's two attempts: it throws and gives the claim back…
    await expect(sendOnce(flaky, "retry-test", "retry@example.vn", composed, {}, retry)).rejects.toThrow();
    // …so the retry (the stream's, in production) sends it, and a later one finds it sent.
    expect(await sendOnce(flaky, "retry-test", "retry@example.vn", composed, {}, retry)).toBe(true);
    expect(await sendOnce(flaky, "retry-test", "retry@example.vn", composed, {}, retry)).toBe(false);
    expect(await mailsTo(maildev.webUrl, "retry@example.vn")).toHaveLength(1);
  });
});

describe("interview mail with its calendar invitation", () => {
  const dayAhead = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));
  const place = { mode: "in_person", communeId: "p-tran-bien", address: "Lô A2, KCN Amata" };
  const field = (ics: string, name: string) => new RegExp(`^${name}[:;](.*)$`, "m").exec(ics)?.[1]?.trim();
  /** Every text/calendar part of the address's mails, decoded from the raw source SMTP received. */
  const calendars = async (address: string) => {
    const found: string[] = [];
    for (const mail of await mailsTo(maildev.webUrl, address)) {
      const source = await mailSource(maildev.webUrl, mail.id);
      for (const part of source.split(/\r?\n--[^\r\n]+\r?\n/)) {
        const [head = "", ...rest] = part.split(/\r?\n\r?\n/);
        if (!/^content-type:\s*text\/calendar/im.test(head)) continue;
        const body = rest.join("\r\n\r\n").replace(/\r?\n--[^\r\n]*--\s*$/, "");
        const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
        const text =
          encoding === "base64"
            ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
            : encoding === "quoted-printable"
              ? Buffer.from(
                  body
                    .replace(/=\r?\n/g, "")
                    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
                  "latin1",
                ).toString("utf8")
              : body;
        found.push(text);
      }
    }
    return found;
  };

  it("sends both sides an .ics when a time is booked, and one that replaces it (same UID, higher SEQUENCE) when moved", async () => {
    const student = await studentWithProfile("sv-mail-iv");
    const application = await applicationOf(student);
    await advance(recruiter, application.id, application.version, ["interview"]);
    const proposal = await call("POST", `/api/applications/${application.id}/interview`, {
      token: recruiter,
      body: {
        ...place,
        slots: [10, 11, 12].map((d) => ({ date: dayAhead(d), startTime: "09:30", durationMinutes: 45 })),
      },
    });
    expect(proposal.status, proposal.text).toBe(201);
    const picked = await call("POST", `/api/applications/${application.id}/interview/pick`, {
      token: student,
      body: { slotId: proposal.json.slots[1].id, version: proposal.json.version },
    });
    expect(picked.status, picked.text).toBe(200);
    await effectsSettled();
    const first = await calendars("sv-mail-iv@example.vn");
    expect(first).toHaveLength(1);
    expect((await calendars("rec-mail@example.vn")).map((ics) => field(ics, "UID"))).toContain(field(first[0]!, "UID"));
    expect(field(first[0]!, "METHOD"), first[0]).toBe("REQUEST");

    const moved = await call("POST", `/api/applications/${application.id}/interview/reschedule`, {
      token: recruiter,
      body: {
        ...place,
        slots: [{ date: dayAhead(14), startTime: "14:00", durationMinutes: 45 }],
        reason: "Trùng lịch hội đồng",
        version: picked.json.version,
      },
    });
    expect(moved.status, moved.text).toBe(200);
    await effectsSettled();
    const after = await calendars("sv-mail-iv@example.vn");
    const update = after.find((ics) => Number(field(ics, "SEQUENCE")) > Number(field(first[0]!, "SEQUENCE")));
    expect(update, after.join("\n----\n")).toBeDefined();
    expect(field(update!, "UID")).toBe(field(first[0]!, "UID"));
  });
});
