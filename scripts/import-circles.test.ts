import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./codemods/run";
import { folderCircles, importGraph } from "./import-circles";

const at = (path: string) => join(repoRoot, path);

describe("import circles", () => {
  it("reports a circle through two folders, and not one inside a folder", () => {
    const graph = new Map([
      [at("functions/src/data/listings.ts"), [at("functions/src/search/live.ts")]],
      [at("functions/src/search/live.ts"), [at("functions/src/data/organisations.ts")]],
      [at("functions/src/data/organisations.ts"), [at("functions/src/search/live.ts")]],
      [at("functions/src/effects/a.ts"), [at("functions/src/effects/b.ts")]],
      [at("functions/src/effects/b.ts"), [at("functions/src/effects/a.ts")]],
    ]);
    expect(folderCircles(graph)).toEqual([
      "functions/src/data/organisations.ts → functions/src/search/live.ts → functions/src/data/organisations.ts",
    ]);
  });

  it("sees the tree's imports, relative and by workspace name, type-only ones too", () => {
    const graph = importGraph();
    expect(graph.get(at("infra/routes.ts"))).toContain(at("functions/src/routes/document.ts"));
    expect(graph.get(at("packages/core/src/schemas/student.ts"))).toContain(at("packages/core/src/skills.ts"));
    expect(graph.get(at("functions/src/files/backend.ts"))).toContain(at("functions/src/files/objects.ts"));
  });

  it("finds none between the tree's folders (npm run check:circles names them)", () => {
    expect(folderCircles()).toEqual([]);
  });
});
