import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../app";
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
  });
}
