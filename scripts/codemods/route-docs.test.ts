import { describe, expect, it } from "vitest";
import { rewriteRouteDocs } from "./route-docs";

const header = [
  'import { describeRoute } from "hono-openapi";',
  'import { bearer, responses } from "../http/openapi";',
  "",
].join("\n");

describe("the route-docs codemod", () => {
  it("turns describeRoute + responses into route(), keeping only the route's own statuses, and is idempotent", () => {
    const source = `${header}
app.post(
  "/",
  describeRoute({
    tags: ["Listings"],
    summary: "Create",
    security: bearer,
    responses: responses({ 201: { description: "Created", schema: S } }, [400, 401, 403, 404, 413, 415, 503]),
  }),
);
app.get("/", describeRoute({ tags: ["Listings"], summary: "List", responses: responses({ 200: { description: "A page" } }, [400, 503]) }));
app.get("/mine", describeRoute({ tags: ["X"], summary: "Mine", security: bearer, responses: responses({ 200: { description: "Mine" } }, [401, 503]) }));
`;
    const out = rewriteRouteDocs(source);
    expect(out).toContain('import { route } from "../http/openapi";');
    expect(out).not.toContain("hono-openapi");
    expect(out).toContain(
      'route({ tags: ["Listings"], summary: "Create", auth: true, body: true, ok: { 201: { description: "Created", schema: S } }, errors: [404] })',
    );
    expect(out).toContain(
      'route({ tags: ["Listings"], summary: "List", ok: { 200: { description: "A page" } }, errors: [400] })',
    );
    // A signed-in route gains 403: the MFA gate may refuse it.
    expect(out).toContain('route({ tags: ["X"], summary: "Mine", auth: true, ok: { 200: { description: "Mine" } } })');
    expect(rewriteRouteDocs(out)).toBe(out);
  });

  it("leaves what route() cannot say as written: other options, no 503, a body without 400, a marked call", () => {
    const cases = [
      'describeRoute({ tags: ["A"], summary: "a", hide: true, responses: responses({ 200: { description: "x" } }, [503]) })',
      'describeRoute({ tags: ["A"], summary: "a", responses: responses({ 200: { description: "x" } }, [400, 429]) })',
      'describeRoute({ tags: ["A"], summary: "a", security: bearer, responses: responses({ 200: { description: "x" } }, [401, 415, 503]) })',
      'describeRoute({ tags: ["A"], summary: "a", responses: responses({ 200: { description: "x" } }, [401, 503]) })',
      '// route-docs: by hand\ndescribeRoute({ tags: ["A"], summary: "a", responses: responses({ 200: { description: "x" } }, [503]) })',
      'describeRoute({ tags: ["A"], summary: "a", responses: { ...responses({}, [503]), 200: { description: "csv" } } })',
    ];
    for (const call of cases) {
      const source = `${header}app.get("/", ${call});\n`;
      expect(rewriteRouteDocs(source)).toBe(source);
    }
  });
});
