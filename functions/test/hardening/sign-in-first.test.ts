import { describe, expect, it } from "vitest";
import { apiRoutes, fillPath, send } from "./probe";

// Found from outside: anonymous writes with a bad body got 400 before 401 (which tells an anonymous caller what a
// valid body looks like and spends validation on them). Every private route now answers 401 first.
describe("anonymous callers of private routes get 401 before any body validation", () => {
  it("on every route the OpenAPI document marks private, whatever the body", async () => {
    const routes = (await apiRoutes()).filter((r) => r.secured);
    expect(routes.length).toBeGreaterThan(40);
    const answers: string[] = [];
    for (const route of routes) {
      const path = fillPath(route.path, { id: "x-1", userId: "u-1", sessionId: "s1" });
      for (const body of ['{"bad":', '{"version":1e21}', "not json"]) {
        const res = await send(route.method, path, {
          ...(route.method === "GET" ? {} : { body, headers: { "content-type": "text/plain" } }),
        });
        if (res.status !== 401 || res.json?.error?.code !== "unauthenticated") {
          answers.push(`${route.key} ${body} → ${res.status} ${res.json?.error?.code}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it("while public routes still answer anonymous callers", async () => {
    expect((await send("GET", "/api/listings")).status).toBe(200);
    expect((await send("GET", "/api/health")).status).toBe(200);
  });
});
