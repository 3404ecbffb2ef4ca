/**
 * Moves the web app into the layout of issue 18: `web/src/app/` for the shell, routing and shared UI (components,
 * API client, session, i18n runtime and shared catalog, forms, formatting), `web/src/features/<domain>/` for each
 * domain (its pages, components, `api.ts`, `messages.ts` with `messages.vi.ts`/`messages.en.ts`, CSS). It `git mv`s
 * every file (so history follows) and rewrites each relative import, `import()` and `vi.mock()` specifier in
 * web/src and web/test to the moved paths. Idempotent: once moved, nothing matches the old paths.
 *
 *   npx tsx scripts/codemods/web-features.ts          # move and rewrite (then `npx biome check --write web`)
 *   npx tsx scripts/codemods/web-features.ts --check  # exit 1 listing the files still to move, change nothing
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

const pagesByFeature: Record<string, string[]> = {
  listings: ["Home", "ListingDetail", "Search", "SavedSearches"],
  org: [
    "ApplicantBoard",
    "HostBookings",
    "Enrolments",
    "Invitations",
    "ListingEdit",
    "ListingNew",
    "Members",
    "MyOrganisations",
    "OrgListings",
    "OrgProfile",
    "OrgRegister",
    "VerificationQueue",
  ],
  student: ["Bookings", "MyApplications", "PrintableCv", "Profile"],
  mail: ["MailSettings", "Unsubscribe"],
  notifications: ["Notifications"],
  security: ["Security"],
  signin: ["SignIn", "SignInCallback"],
};

const catalogsByFeature = ["files", "mail", "org", "security", "signin", "student"];
const featureFolders = [
  "dashboard",
  "files",
  "interviews",
  "listings",
  "mail",
  "matching",
  "messages",
  "notifications",
  "org",
  "security",
  "student",
];

/** Where a file of web/src (path relative to the repository) goes; the same path when it stays. */
export function movedPath(path: string): string {
  const src = "web/src/";
  if (!path.startsWith(src)) return path;
  const rest = path.slice(src.length);
  const exact: Record<string, string> = {
    "App.tsx": "app/App.tsx",
    "format.ts": "app/format.ts",
    "format.test.tsx": "app/format.test.tsx",
    "pages/NotFound.tsx": "app/NotFound.tsx",
    "listings/listings.ts": "features/listings/api.ts",
    "notifications/notifications.ts": "features/notifications/api.ts",
    "org/organisations.ts": "features/org/api.ts",
    "dashboard/i18n/index.ts": "features/dashboard/messages.ts",
    "dashboard/i18n/vi.ts": "features/dashboard/messages.vi.ts",
    "dashboard/i18n/en.ts": "features/dashboard/messages.en.ts",
    "dashboard/i18n/nav.ts": "features/dashboard/messages.nav.ts",
    "interviews/i18n.ts": "features/interviews/messages.ts",
    "interviews/i18n.vi.ts": "features/interviews/messages.vi.ts",
    "interviews/i18n.en.ts": "features/interviews/messages.en.ts",
  };
  for (const feature of catalogsByFeature) {
    exact[`i18n/${feature}.ts`] = `features/${feature}/messages.ts`;
    exact[`i18n/${feature}.vi.ts`] = `features/${feature}/messages.vi.ts`;
    exact[`i18n/${feature}.en.ts`] = `features/${feature}/messages.en.ts`;
  }
  for (const [feature, pages] of Object.entries(pagesByFeature)) {
    for (const page of pages) {
      exact[`pages/${page}.tsx`] = `features/${feature}/${page}.tsx`;
      exact[`pages/${page}.test.tsx`] = `features/${feature}/${page}.test.tsx`;
    }
  }
  if (exact[rest]) return src + exact[rest];
  for (const [from, to] of [
    ["components/", "app/"],
    ["api/", "app/api/"],
    ["forms/", "app/forms/"],
    ["session/", "app/session/"],
    ["i18n/", "app/i18n/"],
  ] as const) {
    if (rest.startsWith(from)) return src + to + rest.slice(from.length);
  }
  const folder = rest.split("/")[0]!;
  if (featureFolders.includes(folder) && rest.includes("/")) return `${src}features/${rest}`;
  return path;
}

// Relative specifiers in `from "…"`, `import "…"`, `import("…")`, `vi.mock("…")` and `vi.importActual("…")`.
const specifier =
  /((?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\bvi\.importActual(?:<[^>]*>)?\(\s*))(["'])(\.{1,2}\/[^"']+)\2/g;

/** The source of `file` (old path) with its relative specifiers pointing at the moved files. */
export function rewriteImports(source: string, file: string, files: Set<string>): string {
  const from = dirname(file);
  const to = dirname(movedPath(file));
  return source.replace(specifier, (whole, lead: string, quote: string, spec: string) => {
    const target = posix.normalize(posix.join(from, spec));
    const candidates = [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`];
    const found = candidates.find((c) => files.has(c));
    if (!found) return whole;
    let moved = movedPath(found);
    if (found !== target) moved = moved.replace(/\.tsx?$/, "").replace(/\/index$/, "");
    let next = posix.relative(to, moved);
    if (!next.startsWith(".")) next = `./${next}`;
    return `${lead}${quote}${next}${quote}`;
  });
}

function main() {
  const check = process.argv.includes("--check");
  const listed = execFileSync("git", ["ls-files", "web/src", "web/test"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  const files = new Set(listed);
  const moving = listed.filter((f) => movedPath(f) !== f);
  if (check) {
    for (const f of moving) console.log(`${f} → ${movedPath(f)}`);
    process.exit(moving.length > 0 ? 1 : 0);
  }
  const sources = new Map<string, string>();
  for (const f of listed.filter((f) => /\.tsx?$/.test(f))) {
    const text = readFileSync(join(root, f), "utf8");
    const next = rewriteImports(text, f, files);
    if (next !== text) sources.set(f, next);
  }
  for (const f of moving) {
    mkdirSync(dirname(join(root, movedPath(f))), { recursive: true });
    execFileSync("git", ["mv", f, movedPath(f)], { cwd: root });
  }
  for (const [f, text] of sources) writeFileSync(join(root, movedPath(f)), text);
  // main.tsx stays where index.html loads it; only its imports change (done above).
  console.log(`moved ${moving.length} files, rewrote imports in ${sources.size}`);
  console.log(relative(process.cwd(), join(root, "web/src")));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
