import { createServer } from "node:net";
import { createTransport } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { headerOf } from "../../test/maildev";
import { type SesStandIn, startSesStandIn } from "../../test/ses";
import {
  type SendEmailInput,
  SesServiceError,
  sendEmailInput,
  sesFetchOptionsFromEnv,
  sesFetchTransport,
} from "./ses-fetch";
import { isTransientMailError, type OutgoingMail } from "./transport";

// What the mail functions sent through nodemailer's SES transport and @aws-sdk/client-sesv2 until issue 14, and what
// they send now through a signed fetch with nodemailer's composer alone: the same SendEmail, retried and failing alike.

const from = "KetNoi <no-reply@ketnoi.example>";
const mail: OutgoingMail = {
  to: "sv-ses@example.vn",
  subject: "Lịch phỏng vấn: Thực tập nhúng — 09:00 ngày 12/12",
  text: "Xin chào,\nBạn có lịch phỏng vấn mới.\nhttps://ketnoi.example/phong-van/1",
  html: '<html lang="vi"><body><p>Xin chào,</p><p>Bạn có lịch phỏng vấn mới.</p></body></html>',
  headers: {
    "List-Unsubscribe": "<https://ketnoi.example/api/mail/unsubscribe?token=abc.def>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "X-KetNoi-Mail": "notice:u-1:n-1",
  },
  attachments: [
    {
      filename: "phong-van.ics",
      content:
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:interview-1@ketnoi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      contentType: "text/calendar; method=REQUEST; charset=utf-8",
    },
  ],
};
// Pinned so that both composers write the same bytes (else each picks its own random id, date and boundaries).
const pinned = { messageId: "<pinned@ketnoi.example>", date: new Date("2026-12-07T01:00:00Z"), baseBoundary: "b0" };
const keys = { region: "ap-southeast-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const fast = { delayBaseMs: 1, throttlingDelayBaseMs: 1 };

let ses: SesStandIn | undefined;
afterEach(async () => {
  await ses?.stop();
  ses = undefined;
});

describe("SendEmail through a signed fetch (the deployed mail functions)", () => {
  it("sends exactly what nodemailer's SES transport gave the SDK: raw message, sender, recipients, configuration set", async () => {
    let given: SendEmailInput | undefined;
    const transporter = createTransport({
      SES: {
        sesClient: {
          send: async (command: { input: SendEmailInput }) => {
            given = command.input;
            return { MessageId: "0100-ses" };
          },
          config: { region: async () => "ap-southeast-1" },
        },
        SendEmailCommand: class {
          constructor(readonly input: SendEmailInput) {}
        },
      },
    } as Parameters<typeof createTransport>[0]);
    const info = await transporter.sendMail({
      from,
      ...mail,
      ...pinned,
      ses: { ConfigurationSetName: "ketnoi-prod" },
    } as Parameters<typeof transporter.sendMail>[0]);
    const ours = await sendEmailInput({ from, ...mail, ...pinned }, "ketnoi-prod");
    expect(given).toBeDefined();
    expect(ours.FromEmailAddress).toBe(given!.FromEmailAddress);
    expect(ours.Destination).toEqual(given!.Destination);
    expect(ours.ConfigurationSetName).toBe("ketnoi-prod");
    expect(ours.Content.Raw.Data.toString("utf8")).toBe(Buffer.from(given!.Content.Raw.Data).toString("utf8"));
    // And the message id nodemailer reported, which the sent-marker keeps.
    expect(info.messageId).toBe("<0100-ses@ap-southeast-1.amazonses.com>");
  });

  it("POSTs one SigV4-signed SendEmail to SES v2 and answers with the message id nodemailer gave", async () => {
    ses = await startSesStandIn();
    const send = sesFetchTransport({
      ...keys,
      sessionToken: "session",
      endpoint: ses.endpoint,
      from,
      configurationSet: "ketnoi-prod",
    });
    expect(await send(mail)).toEqual({ messageId: "<ses-1@ap-southeast-1.amazonses.com>" });
    expect(ses.requests).toHaveLength(1);
    const [request] = ses.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/v2/email/outbound-emails");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-1\/ses\/aws4_request, SignedHeaders=[^,]*x-amz-security-token/,
    );
    expect(request!.headers["x-amz-security-token"]).toBe("session");
    const body = request!.body as { Content: { Raw: { Data: string } } } & Record<string, unknown>;
    expect(body).toMatchObject({
      FromEmailAddress: from,
      Destination: { ToAddresses: ["sv-ses@example.vn"] },
      ConfigurationSetName: "ketnoi-prod",
    });
    const raw = Buffer.from(body.Content.Raw.Data, "base64").toString("utf8");
    expect(headerOf(raw, "List-Unsubscribe")).toBe("<https://ketnoi.example/api/mail/unsubscribe?token=abc.def>");
    expect(headerOf(raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(raw.replace(/\r\n[ \t]+/g, " ")).toContain(
      "Content-Type: text/calendar; method=REQUEST; charset=utf-8; name=phong-van.ics",
    );
    // SES takes the message as written: CRLF line ends only, as nodemailer's transport sent it.
    expect(raw).not.toMatch(/[^\r]\n/);
  });

  it("names a us-east-1 message id as nodemailer did (email.amazonses.com)", async () => {
    ses = await startSesStandIn();
    const send = sesFetchTransport({ ...keys, region: "us-east-1", endpoint: ses.endpoint, from });
    expect(await send(mail)).toEqual({ messageId: "<ses-1@email.amazonses.com>" });
    expect(ses.requests[0]!.body.ConfigurationSetName).toBeUndefined();
  });

  it("retries throttling and 5xx as the SDK did (3 attempts), then fails with an error the sender retries later", async () => {
    ses = await startSesStandIn({
      answer: (i) => (i === 0 ? { status: 429, errorType: "TooManyRequestsException" } : undefined),
    });
    expect(await sesFetchTransport({ ...keys, ...fast, endpoint: ses.endpoint, from })(mail)).toEqual({
      messageId: "<ses-2@ap-southeast-1.amazonses.com>",
    });
    expect(ses.requests).toHaveLength(2);
    await ses.stop();

    ses = await startSesStandIn({ answer: () => ({ status: 503, message: "busy" }) });
    const error = await sesFetchTransport({ ...keys, ...fast, endpoint: ses.endpoint, from })(mail).catch((e) => e);
    expect(ses.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(SesServiceError);
    expect(error).toMatchObject({
      name: "UnknownError",
      code: "ESES",
      $metadata: { httpStatusCode: 503, attempts: 3 },
    });
    expect(isTransientMailError(error)).toBe(true);
  });

  it("does not retry SES's refusal, and the sender records it as permanent", async () => {
    ses = await startSesStandIn({
      answer: () => ({ status: 400, errorType: "MessageRejected", message: "Email address is not verified." }),
    });
    const error = await sesFetchTransport({ ...keys, ...fast, endpoint: ses.endpoint, from })(mail).catch((e) => e);
    expect(ses.requests).toHaveLength(1);
    expect(error).toMatchObject({
      name: "MessageRejected",
      message: "Email address is not verified.",
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    expect(isTransientMailError(error)).toBe(false);
  });

  it("retries a refused connection three times, then fails with an error the sender retries later", async () => {
    // A port nobody listens on: taken, then freed.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const send = sesFetchTransport({ ...keys, ...fast, endpoint: `http://127.0.0.1:${port}`, from, fetch: counting });
    const error = await send(mail).catch((e) => e);
    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(TypeError);
    expect(isTransientMailError(error)).toBe(true);
  });

  it("takes the region, the role's keys and SES v2's endpoint override from the environment", () => {
    const env = {
      AWS_REGION: "ap-southeast-1",
      AWS_ACCESS_KEY_ID: "AKID",
      AWS_SECRET_ACCESS_KEY: "s",
      AWS_SESSION_TOKEN: "t",
      AWS_ENDPOINT_URL_SESV2: "http://127.0.0.1:9",
    };
    expect(sesFetchOptionsFromEnv({ MAIL_FROM: from, SES_CONFIGURATION_SET: "ketnoi-prod" }, env)).toEqual({
      region: "ap-southeast-1",
      accessKeyId: "AKID",
      secretAccessKey: "s",
      sessionToken: "t",
      endpoint: "http://127.0.0.1:9",
      configurationSet: "ketnoi-prod",
      from,
    });
    expect(() => sesFetchOptionsFromEnv({ MAIL_FROM: from }, { AWS_REGION: "ap-southeast-1" })).toThrow(
      /AWS_ACCESS_KEY_ID/,
    );
  });
});
