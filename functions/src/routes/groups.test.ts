import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import { spec } from "./docs";
import { routeGroupOf, routeGroups } from "./groups";

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
});
