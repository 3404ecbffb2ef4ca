import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { requireJson } from "./middleware";

// Over a real socket (the Node adapter), not app.request(): the adapter gives bodiless requests a body stream.
describe("requireJson over HTTP", () => {
  let server: ReturnType<typeof serve>;
  let base = "";
  beforeAll(async () => {
    const app = new Hono()
      .use(requireJson)
      .all("/x", (c) => c.json({ ok: true }))
      .onError((error, c) =>
        error instanceof AppError ? c.json({ error: { code: error.code } }, error.status) : c.json({}, 500),
      );
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("lets a DELETE or POST without a body through", async () => {
    expect((await fetch(`${base}/x`, { method: "DELETE" })).status).toBe(200);
    expect((await fetch(`${base}/x`, { method: "POST" })).status).toBe(200);
  });

  it("refuses a body that is not JSON, sized or chunked, with 415", async () => {
    const sized = await fetch(`${base}/x`, {
      method: "DELETE",
      body: "a=1",
      headers: { "content-type": "text/plain" },
    });
    expect(sized.status).toBe(415);
    const chunked = await fetch(`${base}/x`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("a=1"));
          controller.close();
        },
      }),
      duplex: "half",
      headers: { "content-type": "text/plain" },
    } as RequestInit);
    expect(chunked.status).toBe(415);
    const json = await fetch(`${base}/x`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(json.status).toBe(200);
  });
});
