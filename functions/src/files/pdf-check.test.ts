import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { checkPdf as checkPdfFromSources } from "./pdf-check";

// checkPdf loads pdf-lib with `await import()` on its first call (issue 14: the files function starts without it).
// esbuild inlines that import into the one-file bundle the files function deploys, so the check is run here both
// from the sources and from a bundle built that way (ESM, minified, the deployed banner).
const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ketnoi-pdf-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type CheckPdf = typeof checkPdfFromSources;
async function checkPdfFromBundle(): Promise<CheckPdf> {
  const entry = join(dir, "entry.ts");
  writeFileSync(entry, `export { checkPdf } from ${JSON.stringify(join(root, "functions/src/files/pdf-check.ts"))};\n`);
  const outfile = join(dir, "bundle.mjs");
  await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    minify: true,
    mainFields: ["module", "main"],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: "silent",
  });
  return ((await import(pathToFileURL(outfile).href)) as { checkPdf: CheckPdf }).checkPdf;
}

async function pdfOf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let i = 0; i < pages; i++) document.addPage();
  return document.save();
}

describe("checkPdf, pdf-lib loaded on first use", () => {
  it.each([
    ["the sources", async () => checkPdfFromSources],
    ["the one-file bundle", checkPdfFromBundle],
  ])(
    "from %s: counts a real PDF's pages, refuses an unreadable one and too many pages",
    async (_, load) => {
      const checkPdf = await load();
      expect(await checkPdf(await pdfOf(2))).toEqual({ ok: true, pages: 2 });
      const unreadable = await checkPdf(new TextEncoder().encode("%PDF-1.7 not really a document"));
      expect(unreadable).toMatchObject({ ok: false, refusal: { code: "pdf_unreadable" } });
      expect(await checkPdf(await pdfOf(31))).toMatchObject({ ok: false, refusal: { code: "too_many_pages" } });
      expect(await checkPdf(new TextEncoder().encode("MZ not a pdf"))).toMatchObject({
        refusal: { code: "not_a_pdf" },
      });
    },
    60_000,
  );
});
