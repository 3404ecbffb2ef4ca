import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createTransport } from "nodemailer";

/** One request SES received: its path, headers and JSON body. */
export interface SesRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** How the stand-in answers one request: SES's success (a MessageId) unless an error is given. */
export type SesAnswer = { status: number; errorType?: string; message?: string } | undefined;

export interface SesStandIn {
  /** The endpoint to give the sender (AWS_ENDPOINT_URL_SESV2). */
  endpoint: string;
  requests: SesRequest[];
  stop(): Promise<void>;
}

/**
 * An HTTP server in SES v2's place: records each request and answers as SES does (`{"MessageId": …}`, or an error
 * with `x-amzn-ErrorType` as `answer` says for the request's number, from 0). With `relayToSmtpPort`, it delivers each
 * SendEmail's raw message, as SES would, to an SMTP server (maildev) — so a test reads what the sender composed in a
 * real mailbox.
 */
export async function startSesStandIn(
  options: { answer?: (index: number) => SesAnswer; relayToSmtpPort?: number } = {},
): Promise<SesStandIn> {
  const requests: SesRequest[] = [];
  const relay = options.relayToSmtpPort
    ? createTransport({ host: "127.0.0.1", port: options.relayToSmtpPort, secure: false, ignoreTLS: true })
    : undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const request = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(text || "{}") as Record<string, unknown>,
      };
      const index = requests.push(request) - 1;
      const answer = options.answer?.(index);
      if (answer) {
        res
          .writeHead(answer.status, {
            "content-type": "application/json",
            ...(answer.errorType ? { "x-amzn-ErrorType": `${answer.errorType}:http://internal.amazon.com/` } : {}),
          })
          .end(JSON.stringify({ message: answer.message ?? "refused" }));
        return;
      }
      const messageId = `ses-${index + 1}`;
      const sent = request.body as { FromEmailAddress?: string; Destination?: { ToAddresses?: string[] } };
      const raw = (request.body.Content as { Raw?: { Data?: string } } | undefined)?.Raw?.Data;
      const delivered =
        relay && raw
          ? relay.sendMail({
              envelope: { from: sent.FromEmailAddress ?? "", to: sent.Destination?.ToAddresses ?? [] },
              raw: Buffer.from(raw, "base64"),
            })
          : Promise.resolve();
      delivered.then(
        () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ MessageId: messageId })),
        (error: unknown) => res.writeHead(500).end(JSON.stringify({ message: String(error) })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        relay?.close();
        server.close(() => resolve());
      }),
  };
}
