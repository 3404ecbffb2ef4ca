/**
 * Splits web/src/styles.css by feature (issue 18): a rule each of whose selectors names a class used only by one
 * feature's components (web/src/features/<domain>/, tests excluded), so it can match nowhere else, moves,
 * with its comment and inside the same @media, to `features/<domain>/<domain>.css`, imported by each of that feature's components that uses one of those classes.
 * Rules without such a class (elements, tokens, classes also used in app/ or in two features), and
 * @keyframes stay in styles.css, the shared sheet main.tsx loads before anything else.
 *
 * The cascade: a feature sheet now comes after styles.css (lazy chunks load later), so a moved rule must not have
 * relied on a later shared rule of the same specificity overriding it. `--check` lists every pair (moved rule,
 * later shared rule) with equal specificity and a common property; the split refuses to run while any remains.
 *
 *   npx tsx scripts/codemods/web-css-split.ts --check  # report what would move and the cascade pairs, change nothing
 *   npx tsx scripts/codemods/web-css-split.ts          # move (then `npx biome check --write web`)
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import postcss, { type AtRule, type ChildNode, type Comment, type Root, type Rule } from "postcss";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const src = join(root, "web/src");
const sheetPath = join(src, "styles.css");
const check = process.argv.includes("--check");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** "app" or the feature's domain of a source file. */
function ownerOf(file: string): string {
  const m = /^features\/([^/]+)\//.exec(relative(src, file));
  return m?.[1] ?? "app";
}

const sources = walk(src).map((file) => ({ file, owner: ownerOf(file), text: readFileSync(file, "utf8") }));
const indexHtml = readFileSync(join(root, "web/index.html"), "utf8");

function classUsers(cls: string): { owners: Set<string>; files: Set<string> } {
  const re = new RegExp(`(^|[^\\w-])${cls.replace(/[-]/g, "\\-")}(?![\\w-])`);
  const owners = new Set<string>();
  const files = new Set<string>();
  for (const s of sources) {
    if (re.test(s.text)) {
      owners.add(s.owner);
      files.add(s.file);
    }
  }
  if (re.test(indexHtml)) owners.add("app");
  return { owners, files };
}

/** A component puts the class on an element: the name sits on a line that sets `class` or `classList`. */
const usesAsClass = (text: string, cls: string) =>
  text.split("\n").some((line) => /\bclass(List)?=/.test(line) && new RegExp(`(^|[^\\w-])${cls}(?![\\w-])`).test(line));

const classesOf = (selector: string): string[] => [...selector.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1] ?? "");

/** Specificity [ids, classes+attrs+pseudo-classes, types+pseudo-elements] of one selector (no :is/:not nesting). */
function specificity(sel: string): number[] {
  const s = sel.replace(/::?[\w-]+\((?:[^()]|\([^()]*\))*\)/g, (m) => (m.startsWith("::") ? " ::x" : " :x"));
  const ids = (s.match(/#[\w-]+/g) ?? []).length;
  const cls = (s.match(/\.[\w-]+|\[[^\]]*\]|(?<!:):[\w-]+/g) ?? []).length;
  const pe = (s.match(/::[\w-]+/g) ?? []).length;
  const types = (s.replace(/\[[^\]]*\]|[.#:][\w-]+/g, " ").match(/(^|[\s>+~(])[a-zA-Z][\w-]*/g) ?? []).length;
  return [ids, cls, types + pe];
}

type Unit = { node: Rule; media: string | null; comment: Comment | null; index: number };

const sheet = postcss.parse(readFileSync(sheetPath, "utf8"), { from: sheetPath });
const units: Unit[] = [];
let index = 0;
function collect(container: Root | AtRule, media: string | null): void {
  let comment: Comment | null = null;
  for (const node of container.nodes ?? []) {
    if (node.type === "comment") comment = node;
    else if (node.type === "rule") {
      units.push({ node, media, comment, index: index++ });
      comment = null;
    } else if (node.type === "atrule" && node.name === "media") {
      collect(node, `@media ${node.params}`);
      comment = null;
    } else {
      index++;
      comment = null;
    }
  }
}
collect(sheet, null);

/**
 * The one feature a selector can only match in: one of its classes is used by that feature's components alone
 * (".search-box > .button" matches only inside listings' search box even though ".button" is everywhere).
 */
function featureOf(selector: string): string | null {
  const exclusive = new Set<string>();
  // A class inside :not() does not narrow where the selector matches (".filters:not(.filters-open)").
  for (const c of classesOf(selector.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, ""))) {
    const { owners } = classUsers(c);
    if (owners.size === 1 && !owners.has("app")) for (const o of owners) exclusive.add(o);
  }
  return exclusive.size === 1 ? ([...exclusive][0] ?? null) : null;
}

const target = new Map<Unit, string>();
for (const u of units) {
  const features = new Set(u.node.selectors.map(featureOf));
  if (features.size === 1 && !features.has(null)) target.set(u, [...features][0] as string);
}

/** The last compound selector ("li.card:hover" of ".list > li.card:hover"): what the rule styles. */
const keyOf = (sel: string) =>
  sel
    .trim()
    .split(/\s*[\s>+~]\s*/)
    .pop() ?? "";
const typeOf = (compound: string) => /^[a-zA-Z][\w-]*/.exec(compound)?.[0] ?? null;

/**
 * Whether one element could be the subject of both selectors: a class in the shared rule's subject must appear in a
 * file that also uses the moved rule's subject class (where the two could sit on one element); a subject without
 * a class (an element type) may match whenever the types do not differ.
 */
function mayMatchSameElement(moved: string, shared: string): boolean {
  const a = keyOf(moved);
  const b = keyOf(shared);
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta && tb && ta !== tb) return false;
  const classesA = classesOf(a);
  const classesB = classesOf(b);
  if (classesB.length === 0 || classesA.length === 0) return true;
  const filesA = new Set(classesA.flatMap((c) => [...classUsers(c).files]));
  return classesB.every((c) => [...classUsers(c).files].some((f) => filesA.has(f)));
}

const props = (r: Rule) => new Set(r.nodes.filter((n) => n.type === "decl").map((d) => d.prop));
const conflicts: string[] = [];
for (const [u, domain] of target) {
  const mine = props(u.node);
  for (const later of units) {
    if (later.index <= u.index || target.has(later)) continue;
    const shared = [...props(later.node)].filter((p) => mine.has(p));
    if (shared.length === 0) continue;
    for (const a of u.node.selectors)
      for (const b of later.node.selectors)
        if (specificity(a).join() === specificity(b).join() && mayMatchSameElement(a, b))
          conflicts.push(
            `${domain}: "${a}" (line ${u.node.source?.start?.line}) vs later shared "${b}" (line ${later.node.source?.start?.line}) on ${shared.join(", ")}`,
          );
  }
}

const byDomain = new Map<string, Unit[]>();
for (const [u, d] of target) byDomain.set(d, [...(byDomain.get(d) ?? []), u]);
for (const [d, us] of byDomain)
  console.log(`${d}: ${us.length} rules: ${us.map((u) => u.node.selector.replace(/\s+/g, " ")).join(" | ")}`);
console.log(`\n${conflicts.length} cascade pairs to review:`);
for (const c of conflicts) console.log(`  ${c}`);
if (check) process.exit(0);
if (conflicts.length > 0 && !process.argv.includes("--reviewed")) {
  console.error("refusing to move: review the pairs above (rerun with --reviewed once each is shown harmless)");
  process.exit(1);
}

for (const [domain, us] of byDomain) {
  const out = postcss.root();
  let currentMedia: AtRule | null = null;
  for (const u of us.sort((a, b) => a.index - b.index)) {
    const parent = u.node.parent as Root | AtRule;
    let into: Root | AtRule = out;
    if (u.media) {
      if (!currentMedia || currentMedia.params !== (parent as AtRule).params || out.last !== currentMedia) {
        currentMedia = postcss.atRule({ name: "media", params: (parent as AtRule).params });
        out.append(currentMedia);
      }
      into = currentMedia;
    }
    if (u.comment?.parent) {
      into.append(u.comment.clone());
      u.comment.remove();
    }
    into.append(u.node.clone());
    u.node.remove();
    if (u.media && (parent.nodes ?? []).every((n: ChildNode) => n.type === "comment")) parent.remove();
  }
  const file = join(src, "features", domain, `${domain}.css`);
  const head = `/* The ${domain} feature's own rules (split out of styles.css by scripts/codemods/web-css-split.ts); styles.css,\n   loaded first, holds what features share. */\n`;
  const prev = existsSync(file) ? `${readFileSync(file, "utf8").trimEnd()}\n\n` : head;
  writeFileSync(file, `${prev}${out.toString().trim()}\n`);
  // Import it from each of the feature's components that uses a moved class.
  const moved = new Set(
    us
      .flatMap((u) => classesOf(u.node.selector))
      .filter((c) => {
        const { owners } = classUsers(c);
        return owners.size === 1 && owners.has(domain);
      }),
  );
  for (const s of sources.filter((x) => x.owner === domain && x.file.endsWith(".tsx"))) {
    if (![...moved].some((c) => usesAsClass(s.text, c))) continue;
    const imp = `import "./${domain}.css";`;
    if (s.text.includes(imp) || dirname(s.file) !== dirname(file)) continue;
    const lines = s.text.split("\n");
    let last = -1;
    lines.forEach((l, i) => {
      if (/^import .* from "|^import "/.test(l)) last = i;
    });
    lines.splice(last + 1, 0, imp);
    writeFileSync(s.file, lines.join("\n"));
  }
}
writeFileSync(sheetPath, sheet.toString());
