import type { Browser } from "playwright-core";
import { runE2e, seconds, step, visible } from "./browser";
import {
  axe,
  desktop,
  type Finding,
  focusTop,
  keyboardWalk,
  type Lang,
  labelInName,
  open,
  phone,
  phoneLayout,
  report,
  type Session,
  settle,
  switchLanguage,
  tabUntil,
} from "./e2e-a11y-checks";

/**
 * Accessibility gate: every page each role can reach, in Vietnamese and in English, is checked with axe-core
 * (WCAG 2.0/2.1 A and AA), walked with the Tab key (skip link first, every control reached, no trap, a visible
 * focus ring) and laid out at 360 px (no sideways scrolling, the menu reachable). Key actions are done with the
 * keyboard alone: the skip link, the language switch, signing in, the phone menu, applying to a listing.
 * Starts the whole platform in memory on free ports and always stops it and the browser. See docs/accessibility.md.
 *
 * While fixing: A11Y_ONLY=<regex> checks only matching paths, A11Y_ROLES=staff,admin only those roles,
 * A11Y_REVIEW=1 prints what axe could not decide, A11Y_VERBOSE=1 prints timings, A11Y_PARALLEL=n roles at once.
 */

const started = Date.now();
const onlyPaths = process.env.A11Y_ONLY ? new RegExp(process.env.A11Y_ONLY) : undefined;
const onlyRoles = process.env.A11Y_ROLES?.split(",");
const review = process.env.A11Y_REVIEW === "1";
const verbose = process.env.A11Y_VERBOSE === "1";
/** Roles checked side by side, one browser context each: while one waits for the API another runs axe. */
const parallelRoles = Number(process.env.A11Y_PARALLEL ?? 3);

interface RoleRun extends Session {
  webUrl: string;
  pagesChecked: number;
}

/**
 * Vietnamese is checked on a desktop screen (where the whole menu shows) and English on a 360 px phone (the folded
 * menu, tables that scroll), so axe sees both layouts and both languages on every page.
 */
const screenFor = (lang: Lang) => (lang === "vi" ? desktop : phone);

/** Route patterns already walked with the keyboard: the walk runs once per distinct page. */
const walkedPatterns = new Set<string>();
const pattern = (path: string) =>
  path
    .replace(/^\/(tin|to-chuc)\/(?!dang-ky$)[^/]+/, "/$1/:id")
    .replace(/^\/phan-bo\/.+/, "/phan-bo/:id/xep-hang/:listingId");

/**
 * All checks of one page: in the language the app opens in (the switch persists the last choice), then in the other
 * after switching with the keyboard. Sideways scrolling is checked at 360 px in both.
 */
async function checkPage(run: RoleRun, path: string) {
  const { page } = run;
  const at = Date.now();
  await page.setViewportSize(screenFor(run.lang));
  await open(page, path);
  // Filtered-out pages are still opened: the next pages' ids are read from them.
  if (onlyPaths?.test(path) === false || onlyRoles?.includes(run.role) === false) return;
  for (const pass of [1, 2]) {
    if (run.lang === "vi" && !walkedPatterns.has(pattern(path))) {
      walkedPatterns.add(pattern(path));
      await keyboardWalk(run, path);
    }
    await axe(run, path, review);
    await labelInName(run, path);
    await phoneLayout(run, path);
    if (pass === 1) {
      await page.setViewportSize(screenFor(run.lang === "vi" ? "en" : "vi"));
      await switchLanguage(run);
    }
  }
  run.pagesChecked++;
  run.trace(run.role, path, `done in ${seconds(at)}`);
}

/** The first link in <main> whose path matches, read from the page as it is now. */
async function linkIn(run: RoleRun, regex: RegExp): Promise<string | undefined> {
  const hrefs = await run.page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.find((href) => regex.test(href));
}

/**
 * A placement page (`/phan-bo`, or an organisation's rounds at `/to-chuc/:id/phan-bo`), then a round's ranking page
 * when it links to one: rankings exist once a round has run, which the demo data may not have.
 */
async function checkPlacement(run: RoleRun, path = "/phan-bo") {
  await checkPage(run, path);
  const ranking = await linkIn(run, /^\/phan-bo\/[^/]+\/xep-hang\/[^/]+$/);
  if (ranking) await checkPage(run, ranking);
}

/** A full load must open in the language chosen last: the switch stores it in localStorage. */
async function checkLanguagePersists(run: RoleRun) {
  await run.page.reload();
  await settle(run.page);
  const opened = await run.page.evaluate(() => document.documentElement.lang);
  const path = new URL(run.page.url()).pathname;
  report(run, path, run.lang, "language-persists", opened === run.lang ? [] : [`reloaded in ${opened}`]);
}

/**
 * The skip link and the language switch with the keyboard alone: the first Tab shows the skip link and Enter moves
 * focus into <main>; Tab reaches the language switch and Enter flips <html lang> there and back.
 */
async function skipLinkAndLanguageByKeyboard(run: RoleRun) {
  const { page } = run;
  const problems: string[] = [];
  await focusTop(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  if (!(await page.evaluate(() => document.activeElement?.id === "main"))) problems.push("Enter on the skip link");
  await focusTop(page);
  await tabUntil(page, (el, name) => el.classList.contains(name), "lang-switch", "the language switch");
  for (const lang of [run.lang === "vi" ? "en" : "vi", run.lang]) {
    await page.keyboard.press("Enter");
    const now = await page.evaluate(() => document.documentElement.lang);
    if (now !== lang) problems.push(`Enter on the language switch left <html lang="${now}">, not ${lang}`);
  }
  report(run, "/", "-", "keyboard-actions", problems);
}

/** Signs in with the keyboard alone: Tab to the account's button on the sign-in page, then Enter. */
async function signInByKeyboard(run: RoleRun, displayName: string) {
  await open(run.page, "/dang-nhap");
  const label = `Đăng nhập với tên ${displayName}`;
  await tabUntil(run.page, (el, name) => el.getAttribute("aria-label") === name, label);
  await run.page.keyboard.press("Enter");
  await run.page.waitForURL(`${run.webUrl}/`);
  await visible(run.page.getByRole("banner").getByText(displayName));
}

/** On a phone, the menu opens with Enter on its button, and its first item is the next Tab stop. */
async function phoneMenuByKeyboard(run: RoleRun) {
  const { page } = run;
  await page.setViewportSize(phone);
  await open(page, "/");
  await focusTop(page);
  await tabUntil(page, (el, id) => el.getAttribute("aria-controls") === id, "site-menu", "the menu button");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const problems = await page.evaluate((width) => {
    const items = [...document.querySelectorAll<HTMLElement>("#site-menu a, #site-menu button")];
    const found = items
      .filter((el) => el.getClientRects().length === 0 || el.getBoundingClientRect().right > width)
      .map((el) => `menu item "${el.textContent?.trim()}" hidden or off screen`);
    if (items.length === 0 || document.activeElement !== items[0]) found.push("Tab after opening the menu skips it");
    return found;
  }, phone.width);
  await page.setViewportSize(desktop);
  report(run, "/", run.lang, "phone-menu", problems);
}

/** Applies to a listing with the keyboard alone: Tab into the form, type each answer and the note, Enter. */
async function applyByKeyboard(run: RoleRun, listingIds: string[]) {
  const { page } = run;
  const form = page.locator(".apply form textarea");
  for (const id of listingIds) {
    await open(page, `/tin/${id}`);
    if ((await form.count()) > 0) break;
  }
  await tabUntil(page, (el, tag) => el.tagName === tag && el.closest(".apply form") !== null, "TEXTAREA", "the form");
  while (await page.evaluate(() => document.activeElement?.tagName === "TEXTAREA")) {
    await page.keyboard.type("Em quan tâm đến vị trí này.");
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await visible(page.locator(".apply .success"));
  // The confirmation takes focus, so a screen reader announces it and the next Tab continues from there.
  const focused = await page.evaluate(() => document.activeElement?.classList.contains("success"));
  const path = new URL(page.url()).pathname;
  report(run, path, run.lang, "keyboard-actions", focused ? [] : ["after applying, focus is not on the confirmation"]);
}

/** Published listings and their organisation, read by the visitor from the home page and a listing's page. */
interface PublicIds {
  listing: string;
  /** Other published listings: the student applies with the keyboard to the first one still open to her. */
  others: string[];
  org: string;
}

let foundPublicIds!: (ids: PublicIds) => void;
let publicIdsMissing!: (error: unknown) => void;
const publicIds = new Promise<PublicIds>((resolve, reject) => {
  foundPublicIds = resolve;
  publicIdsMissing = reject;
});
// A failed visitor run fails the whole check; the roles waiting for these ids then stop with it, unreported.
publicIds.catch(() => {});

async function readPublicIds(run: RoleRun): Promise<PublicIds> {
  const cards = await run.page
    .locator("main article a.card-link")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split("/")[2]!));
  await open(run.page, `/tin/${cards[0]}`);
  const org = (await linkIn(run, /^\/to-chuc\/[^/]+$/))!.split("/")[2]!;
  return { listing: cards[0]!, others: cards.slice(1), org };
}

interface RolePlan {
  role: string;
  /** The demo account to sign in as, with the keyboard; none for the visitor. */
  displayName?: string;
  pages: (run: RoleRun) => Promise<void>;
}

/** The pages each role reaches from its menu and from links on those pages (App.tsx has the routes). */
const roles: RolePlan[] = [
  {
    role: "visitor",
    async pages(run) {
      await checkPage(run, "/");
      await skipLinkAndLanguageByKeyboard(run);
      const ids = await readPublicIds(run).catch((error) => {
        publicIdsMissing(error);
        throw error;
      });
      foundPublicIds(ids);
      for (const path of ["/tim-kiem", `/tin/${ids.listing}`, `/to-chuc/${ids.org}`, "/dang-nhap"]) {
        await checkPage(run, path);
      }
      // A page for signed-in users (it asks to sign in), the sign-in callback without its code, an unknown address.
      for (const path of ["/ho-so", "/dang-nhap/xong", "/trang-khong-co", "/huy-nhan-thu?token=khong-hop-le"]) {
        await checkPage(run, path);
      }
    },
  },
  // The longest role next, so the parallel runs finish together.
  organisationRole("staff", "Phạm Thu Hà"),
  {
    role: "student",
    displayName: "Nguyễn Thị Lan",
    async pages(run) {
      const ids = await publicIds;
      for (const path of ["/", "/tim-kiem", `/tin/${ids.listing}`, `/to-chuc/${ids.org}`, "/danh-cho-ban"]) {
        await checkPage(run, path);
      }
      // Before her applications page, so it lists one (the demo data has none for her).
      await applyByKeyboard(run, ids.others);
      await checkPage(run, "/ung-tuyen");
      // A notification opens one application (/ung-tuyen/:id): its heading carries the id.
      const heading = await run.page.locator('main [id^="app-"]').first().getAttribute("id");
      await checkPage(run, `/ung-tuyen/${heading!.slice("app-".length)}`);
      await checkPlacement(run);
      for (const path of ["/tim-kiem-da-luu", "/ho-so", "/dat-cho", "/thong-bao", "/loi-moi", "/cai-dat-thu"]) {
        await checkPage(run, path);
      }
    },
  },
  organisationRole("recruiter", "Võ Thị Mai Anh"),
  oversightRole("province", "Huỳnh Văn Tài"),
  oversightRole("admin", "Quản trị viên KetNoi"),
];

/**
 * Staff and recruiters: their organisation, its listings and each listing's pages (ids read from the links), the
 * placement rounds; staff also the dashboard.
 */
function organisationRole(role: "staff" | "recruiter", displayName: string): RolePlan {
  async function pages(run: RoleRun) {
    await checkPage(run, "/");
    await checkPage(run, "/to-chuc-cua-toi");
    const org = (await linkIn(run, /^\/to-chuc\/(?!dang-ky$)[^/]+$/))!;
    for (const path of [org, `${org}/tin`]) await checkPage(run, path);
    const board = await linkIn(run, /^\/tin\/[^/]+\/ung-vien$/);
    const edit = await linkIn(run, /^\/tin\/[^/]+\/sua$/);
    const hostBookings = await linkIn(run, /^\/tin\/[^/]+\/dat-cho$/);
    const found = [board, edit, board?.replace(/ung-vien$/, "ung-vien-phu-hop"), hostBookings];
    for (const path of found.filter((p): p is string => p !== undefined)) await checkPage(run, path);
    for (const path of [`${org}/tin/moi`, `${org}/thanh-vien`, "/to-chuc/dang-ky", "/thong-bao", "/loi-moi"]) {
      await checkPage(run, path);
    }
    await checkPlacement(run);
    await checkPlacement(run, `${org}/phan-bo`);
    if (role === "staff") {
      for (const path of ["/bang-dieu-khien", "/bang-dieu-khien/chi-tieu", "/bang-dieu-khien/nhat-ky"]) {
        await checkPage(run, path);
      }
    }
  }
  return { role, displayName, pages };
}

/** The province officer and the platform admin: verification, the dashboard and its pages. */
function oversightRole(role: "province" | "admin", displayName: string): RolePlan {
  async function pages(run: RoleRun) {
    const paths = ["/", "/tim-kiem", "/quan-tri/xac-minh", "/bang-dieu-khien", "/bang-dieu-khien/chi-tieu"];
    for (const path of [...paths, "/bang-dieu-khien/nhat-ky", "/thong-bao"]) await checkPage(run, path);
    if (role === "province") await checkPlacement(run);
  }
  return { role, displayName, pages };
}

/** One role in its own browser context (its own session and stored language), from sign-in to the last page. */
async function checkRole(browser: Browser, webUrl: string, plan: RolePlan): Promise<RoleRun> {
  const at = Date.now();
  const context = await browser.newContext({ locale: "vi-VN", viewport: desktop });
  // tsx compiles named inner functions to `__name(fn, "name")` calls; functions evaluated in the page need it too.
  await context.addInitScript("window.__name = (fn) => fn;");
  const page = await context.newPage();
  // The Vite dev server compiles modules on first request, so the first pages can take a few seconds.
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const trace = (...parts: unknown[]) => verbose && console.log(`    ${seconds(started)}`, ...parts);
  const run: RoleRun = { role: plan.role, page, webUrl, findings: [], lang: "vi", pagesChecked: 0, trace };
  try {
    // The first load compiles the app's modules in the Vite dev server: slow when the machine is busy.
    await page.goto(`${webUrl}/`, { timeout: 60_000 });
    await settle(page, 60_000);
    if (plan.displayName) {
      await signInByKeyboard(run, plan.displayName);
      await phoneMenuByKeyboard(run);
    }
    await plan.pages(run);
    await checkLanguagePersists(run);
    if (errors.length > 0) throw new Error(`uncaught errors in the page:\n${errors.join("\n")}`);
  } finally {
    await context.close();
  }
  const found = `${run.findings.length} findings`;
  console.log(`  ${plan.role}: ${run.pagesChecked} pages × 2 languages, ${found} (${seconds(at)})`);
  return run;
}

function printFindings(findings: Finding[]) {
  console.log(`\n${findings.length} accessibility problems:`);
  for (const f of findings) {
    console.log(`- ${f.path} [${f.lang}] as ${f.role}: ${f.rule}`);
    for (const target of f.targets.slice(0, 8)) console.log(`    ${target}`);
    if (f.targets.length > 8) console.log(`    … and ${f.targets.length - 8} more`);
  }
}

await runE2e("Accessibility E2E", async (env) => {
  const runs: RoleRun[] = [];
  await step("check every page of every role in both languages", async () => {
    console.log();
    // The visitor always runs: the other roles need the ids it reads.
    const queue = roles.filter((plan) => plan.role === "visitor" || onlyRoles?.includes(plan.role) !== false);
    const worker = async () => {
      for (let plan = queue.shift(); plan; plan = queue.shift())
        runs.push(await checkRole(env.browser, env.webUrl, plan));
    };
    await Promise.all(Array.from({ length: parallelRoles }, worker));
  });
  const findings = runs.flatMap((run) => run.findings);
  const pages = runs.reduce((sum, run) => sum + run.pagesChecked, 0);
  if (findings.length > 0) {
    printFindings(findings);
    throw new Error(`${findings.length} accessibility problems (listed above)`);
  }
  return `${pages} pages × 2 languages over ${runs.length} roles, ${findings.length} problems`;
});
