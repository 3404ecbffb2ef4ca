import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { signDevToken } from "../auth/dev-idp";
import { spec } from "./docs";
import { apiFunctionGroups, routeGroupOf, routeGroups } from "./groups";

describe("route groups", () => {
  // The documents describe every group; the development sign-in is mounted only where DEV_AUTH is on.
  const ungrouped = (path: string) =>
    ["/api/openapi.json", "/api/docs"].includes(path) || path.startsWith("/api/dev-auth/");

  it("claim every documented path but the documents and the development sign-in, each segment in one group only", async () => {
    const doc = await spec(createApp() as never);
    const unclaimed = Object.keys(doc.paths ?? {}).filter((path) => !routeGroupOf(path) && !ungrouped(path));
    expect(unclaimed).toEqual([]);
    const segments = Object.values(routeGroups).flatMap((group) => group.prefixes);
    expect(new Set(segments).size).toBe(segments.length);
  });

  it("split across two functions: the API's app never serves /api/files, the files app only it; one document", async () => {
    expect(apiFunctionGroups).not.toContain("files");
    expect([...apiFunctionGroups, "files"].sort()).toEqual(Object.keys(routeGroups).sort());
    const token = await signDevToken({
      userId: "stu-split",
      email: "stu-split@example.vn",
      displayName: "S",
      role: "student",
    });
    const get = (app: ReturnType<typeof createApp>, path: string) =>
      app.request(path, { headers: { authorization: `Bearer ${token}` } });
    const api = createApp(apiFunctionGroups);
    const files = createApp(["files"]);
    expect((await get(api, "/api/files/cv")).status).toBe(404);
    expect((await get(api, "/api/health")).status).toBe(200);
    expect((await get(files, "/api/health")).status).toBe(404);
    expect((await get(files, "/api/listings")).status).toBe(404);
    // The same middleware chain in front of the files routes: anonymous is refused before the route runs.
    expect((await files.request("/api/files/cv")).status).toBe(401);
    // The API function's document is the whole API's, the files routes included.
    const doc = (await (await get(api, "/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/files/cv", "/api/health", "/api/listings"]));
  });
});
