import type { AddressInfo, Socket } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../app";
import { AppError } from "../http/errors";
// This server serves every route group, the files routes included: their S3 client and pdf-lib.
import "../files/live";

/** Serves the API on 127.0.0.1 with @hono/node-server: the same app the Lambda entry exports. */
export function serveApi(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp();
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once("error", reject);
    // Requests Node's parser refuses before the app sees them (a 100 kB address, a malformed request line) get the
    // API's JSON error shape too, not Node's empty 431/400.
    server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
      if (!socket.writable) return socket.destroy();
      const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
      const refusal = new AppError(tooLarge ? "headers_too_large" : "validation_failed");
      const body = JSON.stringify(refusal.toBody());
      const reason = tooLarge ? "Request Header Fields Too Large" : "Bad Request";
      socket.end(
        `HTTP/1.1 ${refusal.status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
  });
}
