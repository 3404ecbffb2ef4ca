import { readFileSync } from "node:fs";
import { errorCatalogue } from "@ketnoi/core";
import { describe, expect, it } from "vitest";
import { apiDoc, renderErrorTable, withErrorTable } from "./docs-errors";

describe("docs/api.md's error table", () => {
  it("is the one generated from the catalogue (npm run docs:errors rewrites it)", () => {
    const doc = readFileSync(apiDoc, "utf8");
    expect(withErrorTable(doc)).toBe(doc);
  });

  it("lists every code of the catalogue once, under its status", () => {
    const table = renderErrorTable("");
    for (const [code, { status }] of Object.entries(errorCatalogue)) {
      const rows = table.split("\n").filter((row) => row.includes(`\`${code}\``));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatch(new RegExp(`^\\| ${status} \\|`));
    }
  });
});
