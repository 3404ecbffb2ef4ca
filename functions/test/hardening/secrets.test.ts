import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");

// The patterns are assembled so that this file does not match them itself.
const dashes = "-".repeat(5);
const secretPatterns: [string, RegExp][] = [
  ["PEM block (private key or certificate)", new RegExp(`${dashes}BEGIN [A-Z ]+${dashes}`)],
  ["AWS access key id", new RegExp(["AKIA", "[0-9A-Z]{16}"].join(""))],
  // The setting with a real-looking value (40 base64 characters); test doubles such as "secret" are fine.
  [
    "AWS secret access key",
    new RegExp(`${["aws", "secret", "access", "key"].join("_")}["']?\\s*[:=]\\s*["']?[A-Za-z0-9/+]{40}`, "i"),
  ],
];
/** Files that hold keys by name, whatever their content. */
const secretFileNames = /(^\.env(\..+)?$|\.pem$|\.p12$|\.pfx$|\.key$|^id_(rsa|ed25519|ecdsa)$)/;
const allowedFileNames = new Set([".env.example"]);

/** Directory and suffix rules of the repository's .gitignore: what git would not track, this scan skips too. */
function ignoreRules() {
  const lines = readFileSync(join(root, ".gitignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const dirs = new Set([".git", ...lines.filter((l) => l.endsWith("/")).map((l) => l.slice(0, -1))]);
  const suffixes = lines.filter((l) => l.startsWith("*.")).map((l) => l.slice(1));
  return { dirs, suffixes };
}

function* files(dir: string, skip: (path: string, isDir: boolean) => boolean): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink() || skip(path, entry.isDirectory())) continue;
    if (entry.isDirectory()) yield* files(path, skip);
    else yield path;
  }
}

/** Lines of text files that match a secret pattern, as "file:line pattern". */
function findSecrets(paths: Iterable<string>): string[] {
  const found: string[] = [];
  for (const path of paths) {
    const name = relative(root, path);
    const base = path.split("/").pop()!;
    if (secretFileNames.test(base) && !allowedFileNames.has(base)) found.push(`${name}: a key file by its name`);
    if (statSync(path).size > 5_000_000) continue;
    const text = readFileSync(path, "utf8");
    if (text.includes("\u0000")) continue;
    for (const [label, pattern] of secretPatterns) {
      const lines = text.split("\n");
      lines.forEach((line, i) => {
        if (pattern.test(line)) found.push(`${name}:${i + 1} ${label}`);
      });
    }
  }
  return found;
}

describe("no secret is committed or shipped", () => {
  it("the scan finds planted secrets (so that finding none means something)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ketnoi-secrets-"));
    try {
      writeFileSync(join(dir, "key.txt"), `${dashes}BEGIN EC PRIVATE KEY${dashes}\nMHcCAQEE\n`);
      writeFileSync(join(dir, "config.ts"), `const id = "${"AKIA"}IOSFODNN7EXAMPLE";\n`);
      const name = ["aws", "secret", "access", "key"].join("_");
      writeFileSync(join(dir, "credentials"), `[default]\n${name} = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`);
      writeFileSync(join(dir, "id_rsa"), "not really a key\n");
      expect(
        findSecrets(files(dir, () => false))
          .map((f) => f.replace(/^.*\//, ""))
          .sort(),
      ).toEqual([
        "config.ts:1 AWS access key id",
        "credentials:2 AWS secret access key",
        "id_rsa: a key file by its name",
        "key.txt:1 PEM block (private key or certificate)",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("no file git would track holds a private key, an AWS key or a key file", () => {
    const { dirs, suffixes } = ignoreRules();
    const tracked = files(root, (path, isDir) => {
      const base = path.split("/").pop()!;
      return isDir ? dirs.has(base) : suffixes.some((s) => base.endsWith(s));
    });
    expect(findSecrets(tracked)).toEqual([]);
  });

  it("the web bundle holds none either (web/dist when built, else the sources it is built from)", () => {
    const dist = join(root, "web/dist");
    const shipped = existsSync(dist)
      ? [...files(dist, () => false)]
      : ["src", "public", "index.html"]
          .map((p) => join(root, "web", p))
          .filter(existsSync)
          .flatMap((p) => (statSync(p).isDirectory() ? [...files(p, () => false)] : [p]));
    expect(shipped.length).toBeGreaterThan(0);
    expect(findSecrets(shipped)).toEqual([]);
  });

  it("the development identity provider makes its key at run time rather than reading one from the repo", () => {
    const source = readFileSync(join(root, "functions/src/auth/dev-idp.ts"), "utf8");
    expect(source).toMatch(/generateKeyPair\(/);
    expect(source).not.toMatch(/importPKCS8|importJWK|readFileSync|process\.env/);
  });
});
