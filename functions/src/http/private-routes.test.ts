import { expect, it } from "vitest";
import { createApp } from "../app";
import { documentedRoutes } from "../routes/documented-routes";
import { declaredRoutes } from "./private-routes";

// signInFirst reads the routes' declarations (cheap at a cold start); the OpenAPI document is what API Gateway's
// routes are kept equal to (infra/routes.test.ts). Both must say the same about every route.
it("the routes' declarations give the same public/private table as the OpenAPI document", async () => {
  const app = createApp() as never;
  const table = (routes: Awaited<ReturnType<typeof documentedRoutes>>) =>
    routes
      .filter((r) => r.method !== "ALL")
      .map((r) => `${r.method} ${r.pattern.source} ${r.staticSegments} ${r.private ? "private" : "public"}`)
      .sort();
  const declared = table(declaredRoutes(app));
  const documented = table(await documentedRoutes(app));
  expect(declared.filter((r) => r.endsWith("private")).length).toBeGreaterThan(40);
  expect(declared.filter((r) => r.endsWith("private"))).toEqual(documented.filter((r) => r.endsWith("private")));
  // Every documented route is declared alike; a declared route left out of the document (the development JWKS) is
  // public either way.
  expect(declared).toEqual(expect.arrayContaining(documented));
});
