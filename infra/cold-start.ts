import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

/**
 * The files a cold start of a built function loads: its entry (index.mjs) and every chunk the entry imports
 * statically, transitively. A split function's `import()`ed chunks (pdf-lib, the writers, the search index) are read
 * on first use, not here; but code esbuild shares between the entry and such a chunk is a chunk the entry imports
 * statically, and loads at once (issue 14). Paths are relative to `folder`.
 * @example coldStartFiles("/tmp/browse") // ["index.mjs", "chunks/chunk-XQA6F4A3.mjs"]
 */
export function coldStartFiles(folder: string, entry = "index.mjs"): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // Minified ES modules: `import{a}from"./x.mjs"`, `import"./x.mjs"`, `export{a}from"./x.mjs"`; never `import(`.
    for (const [, specifier] of readFileSync(join(folder, file), "utf8").matchAll(
      /\b(?:from|import)\s*"(\.{1,2}\/[^"]+\.mjs)"/g,
    )) {
      visit(normalize(relative(folder, join(folder, dirname(file), specifier!))));
    }
  };
  visit(entry);
  return [...seen];
}

/** The bytes a cold start of a built function loads (`coldStartFiles`). */
export const coldStartBytes = (folder: string, entry = "index.mjs") =>
  coldStartFiles(folder, entry).reduce((sum, file) => sum + readFileSync(join(folder, file)).length, 0);
