import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { mailsTo } from "../../test/maildev";
import { allStreamRecords } from "../../test/stream-records";
import { loadMailConfig } from "../config";
import { notify } from "../data/notifications";
import { type MailDev, startMailDev } from "../local/maildev";
import { freePort } from "../local/ports";
import type { DynamoDBStreamRecord } from "../stream";
import { createMailStreamHandler, noticeOfRecord } from "./notice-stream";
import { lazyMailTransport } from "./sender";
import type { SendMail } from "./transport";

// The deployed mail consumer's path (mail-lambda.ts): notices stored with no sender registered in this process (as
// in every deployed function), then their stream records handed to the mail stream handler, mail checked in maildev.
let maildev: MailDev;
const config = () =>
  loadMailConfig({ MAIL_TRANSPORT: "smtp", SMTP_PORT: String(maildev.smtpPort), WEB_ORIGIN: "https://ketnoi.example" });

beforeAll(async () => {
  maildev = await startMailDev({ smtpPort: await freePort(), webPort: await freePort() });
});
afterAll(async () => {
  await maildev?.stop();
});

/** The stream records of one user's notifications, inserts and updates (the table holds the whole test run's). */
async function recordsOf(userId: string): Promise<DynamoDBStreamRecord[]> {
  return (await allStreamRecords()).filter((r) => {
    const image = r.dynamodb?.NewImage ?? r.dynamodb?.OldImage;
    return image?.__edb_e__?.S === "notification" && image.userId?.S === userId;
  });
}

const notice = {
  kind: "booking_confirmed" as const,
  title: { vi: "Đã xác nhận lịch tham quan", en: "Lab visit confirmed" },
  body: { vi: "Thứ Hai 8:00, phòng thí nghiệm A", en: "Monday 8:00, lab A" },
  link: "/lich-tham-quan",
};

describe("the mail consumer of inserted notices", () => {
  it("mails a stored notice once however often its record is delivered, and ignores a read notice", async () => {
    const token = await userWithToken("sv-ns-1", "student");
    await notify("sv-ns-1", notice);
    const id = ((await call("GET", "/api/notifications", { token })).json.items as Array<{ id: string }>)[0]!.id;
    expect((await call("POST", `/api/notifications/${id}/read`, { token })).status).toBeLessThan(300);
    const records = await recordsOf("sv-ns-1");
    expect(records.map((r) => r.eventName)).toEqual(["INSERT", "MODIFY"]);
    expect(noticeOfRecord(records[1]!)).toBeUndefined();

    const handler = createMailStreamHandler(lazyMailTransport(config())!, { config });
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    const mails = await mailsTo(maildev.webUrl, "sv-ns-1@example.vn");
    expect(mails.map((m) => m.subject)).toEqual(["Đã xác nhận lịch tham quan"]);
    expect(mails[0]!.text).toContain("https://ketnoi.example/lich-tham-quan");
  });

  it("reports a notice whose send keeps failing transiently, then sends it once when delivered again", async () => {
    await userWithToken("sv-ns-2", "student");
    await notify("sv-ns-2", notice);
    const records = await recordsOf("sv-ns-2");
    let calls = 0;
    const down: SendMail = async () => {
      calls++;
      throw Object.assign(new Error("421 try again later"), { responseCode: 421 });
    };
    const failing = createMailStreamHandler(down, { config, retry: { attempts: 2, backoffMs: 1 } });
    expect(await failing({ Records: records })).toEqual({
      batchItemFailures: [{ itemIdentifier: records[0]!.dynamodb!.SequenceNumber }],
    });
    expect(calls).toBe(2);
    expect(await mailsTo(maildev.webUrl, "sv-ns-2@example.vn")).toEqual([]);

    const handler = createMailStreamHandler(lazyMailTransport(config())!, { config });
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: records })).toEqual({ batchItemFailures: [] });
    expect(await mailsTo(maildev.webUrl, "sv-ns-2@example.vn")).toHaveLength(1);
  });
});
