/**
 * The page-level checks of the accessibility gate (scripts/e2e-a11y.ts): axe-core, the Tab walk, the 360 px layout,
 * and the small keyboard helpers they share. Each check records what it finds on the session instead of throwing,
 * so one run lists every problem. See docs/accessibility.md.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { seconds } from "./browser";

export type Lang = "vi" | "en";

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 360, height: 740 };
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One problem a user would meet: where, in which language ("-": both), for whom, and what. */
export interface Finding {
  role: string;
  path: string;
  lang: Lang | "-";
  rule: string;
  targets: string[];
}

/** One role's browser page, the language the app is in, and what was found so far. */
export interface Session {
  role: string;
  page: Page;
  lang: Lang;
  findings: Finding[];
  /** Called with timings when A11Y_VERBOSE=1. */
  trace: (...parts: unknown[]) => void;
}

export function report(session: Session, path: string, lang: Lang | "-", rule: string, targets: string[]) {
  if (targets.length > 0) session.findings.push({ role: session.role, path, lang, rule, targets });
}

/**
 * Waits until the page shows its data: a heading in <main> (not the previous page's, see `open`), no spinner
 * ("Đang tải…"), charts drawn.
 */
export async function settle(page: Page, timeout = 20_000) {
  await page.waitForFunction(
    () =>
      document.querySelector("main h1:not([data-a11y-previous])") !== null &&
      document.querySelector(".spinner") === null &&
      document.querySelector("[data-chart]:empty") === null,
    undefined,
    { polling: 50, timeout },
  );
}

/**
 * Opens a page as a user following a link does: the router swaps the page without reloading the app (a full load
 * per page costs seconds with the development server). The old heading is marked so `settle` waits for the new one.
 */
export async function open(page: Page, path: string) {
  if (new URL(page.url()).pathname === path) return settle(page);
  await page.evaluate((href) => {
    for (const h1 of document.querySelectorAll("main h1")) h1.setAttribute("data-a11y-previous", "");
    const link = Object.assign(document.createElement("a"), { href });
    document.body.append(link);
    link.click();
    link.remove();
  }, path);
  await page.waitForURL((url) => url.pathname + url.search === path);
  await settle(page);
}

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules. `review` also prints what axe could not decide ("needs review").
 * Legacy mode runs axe.run() in the page itself: the default mode opens and closes a blank page per analysis to merge
 * results from cross-origin iframes, which the app has none of, and is three times slower here (~1 s vs ~0.35 s).
 */
export async function axe(session: Session, path: string, review = false) {
  const at = Date.now();
  const results = await new AxeBuilder({ page: session.page })
    .withTags(wcagTags)
    // Only violations come back with their elements: passing nodes (thousands on a long page) stay in the page.
    .options({ resultTypes: review ? ["violations", "incomplete"] : ["violations"] })
    .setLegacyMode()
    .analyze();
  session.trace(session.role, path, session.lang, `axe ${seconds(at)}`);
  for (const item of review ? results.incomplete : []) {
    const targets = item.nodes.slice(0, 3).map((node) => node.target.join(" "));
    console.log(`    review ${path} [${session.lang}] ${session.role}: ${item.id} ×${item.nodes.length} ${targets}`);
  }
  for (const violation of results.violations) {
    const targets = violation.nodes.map((node) => node.target.join(" "));
    report(session, path, session.lang, `${violation.id} (${violation.help})`, targets);
  }
}

/**
 * WCAG 2.5.3 Label in Name: a control whose accessible name is set apart from its text (aria-label) must contain
 * the words it shows, so a speech-control user can say what they see. axe has this rule only as experimental.
 */
export async function labelInName(session: Session, path: string) {
  const problems = await session.page.evaluate(() => {
    const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      "button[aria-label], a[aria-label], [role=button][aria-label]",
    )) {
      if (el.getClientRects().length === 0) continue;
      // biome-ignore lint/performance/useDomNodeTextContent: the rule is about rendered text, which innerText gives.
      const shown = el.innerText ?? "";
      const visibleText = squash(shown);
      if (visibleText && !squash(el.getAttribute("aria-label") ?? "").includes(visibleText))
        found.push(`"${el.getAttribute("aria-label")}" lacks "${shown.trim()}"`);
    }
    return found;
  });
  report(session, path, session.lang, "label-in-name (WCAG 2.5.3)", problems);
}

/** At 360 px nothing may scroll sideways and the menu button must be on screen. */
export async function phoneLayout(session: Session, path: string) {
  const { page } = session;
  const screen = page.viewportSize();
  if (screen?.width !== phone.width) await page.setViewportSize(phone);
  const problems = await page.evaluate(async (width) => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const found: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) {
      // Name the outermost elements that stick out, so the report points at the culprit rather than its children.
      const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
        (el) =>
          el.getBoundingClientRect().right > width + 1 &&
          (el.parentElement?.getBoundingClientRect().right ?? 0) <= width + 1,
      );
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")}`;
      found.push(`scrollWidth ${scrollWidth} > ${width}: ${wide.slice(0, 4).map(name).join(", ") || "?"}`);
    }
    const box = document.querySelector('button[aria-controls="site-menu"]')?.getBoundingClientRect();
    if (!box || box.width === 0 || box.right > width) found.push("the menu button is not on screen");
    return found;
  }, phone.width);
  if (screen && screen.width !== phone.width) await page.setViewportSize(screen);
  report(session, path, session.lang, "layout-360px", problems);
}

/** Moves the sequential focus point to the top of the page, where a freshly loaded page starts. */
export async function focusTop(page: Page) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
}

/**
 * Presses Tab until the focused element passes `test` (run in the page with `arg`: it cannot close over anything),
 * failing after 150 presses.
 */
export async function tabUntil(page: Page, test: (el: Element, arg: string) => boolean, arg: string, what = arg) {
  const check = `(${test.toString()})(document.activeElement, ${JSON.stringify(arg)})`;
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(check)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Flips the language with the keyboard: focus the switch, press Enter, wait for <html lang> to follow. */
export async function switchLanguage(session: Session) {
  const next: Lang = session.lang === "vi" ? "en" : "vi";
  await session.page.locator("button.lang-switch").focus();
  await session.page.keyboard.press("Enter");
  await session.page.locator(`html[lang="${next}"]`).waitFor({ state: "attached" });
  session.lang = next;
  await settle(session.page);
}

/** What the Tab walk records for each focus move: [stop index or -1, element key, label, ringed, on screen]. */
type Visit = [number, number, string, boolean, boolean];

/** Resolves once the page has not changed for 250 ms (at most 3 s): late data re-renders lists. */
async function quiet(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const cap = setTimeout(done, 3_000);
        let timer = setTimeout(done, 250);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 250);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        function done() {
          observer.disconnect();
          clearTimeout(cap);
          resolve();
        }
      }),
  );
}

/**
 * Presses Tab through the page from its start. Focus is recorded in the page as it moves (a round trip per batch of
 * keys, not per key), then checked: the skip link comes first, every visible control is reached before any element
 * is reached twice (no trap), and each focused element is on screen with an outline or shadow (on itself or on a
 * card around it). Chromium also stops on scrollable boxes without controls, so the walk may take more keys than
 * there are controls.
 */
export async function keyboardWalk(session: Session, path: string) {
  const { page } = session;
  await quiet(page);
  const count = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    // Radio buttons of one group are a single Tab stop; the skip link is hidden until focused.
    const seenRadio = new Set<string>();
    const stops = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.tabIndex < 0 || el.closest("[inert]")) return false;
      if (el instanceof HTMLInputElement && el.type === "radio") {
        if (seenRadio.has(el.name)) return false;
        seenRadio.add(el.name);
      }
      return el.classList.contains("skip-link") || shown(el);
    });
    const keys = new WeakMap<Element, number>();
    let nextKey = 0;
    const visits: Visit[] = [];
    (window as unknown as { a11yWalk: unknown }).a11yWalk = { stops, visits };
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
    const ringed = (el: Element) => {
      for (let node: Element | null = el, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
        const style = getComputedStyle(node);
        const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
        if (outline || style.boxShadow !== "none") return true;
      }
      return false;
    };
    document.addEventListener("focusin", (event) => {
      const el = event.target as HTMLElement;
      const radio = el instanceof HTMLInputElement && el.type === "radio";
      const index = stops.findIndex((s) => s === el || (radio && s instanceof HTMLInputElement && s.name === el.name));
      if (!keys.has(el)) keys.set(el, nextKey++);
      const box = el.getBoundingClientRect();
      visits.push([index, keys.get(el)!, label(el), ringed(el), box.width > 0 && box.height > 0 && box.right > 0]);
    });
    return stops.length;
  });
  await focusTop(page);
  await page.evaluate(() => {
    (window as unknown as { a11yWalk: { visits: Visit[] } }).a11yWalk.visits.length = 0;
  });
  const summarize = () =>
    page.evaluate(() => {
      const { stops, visits } = (window as unknown as { a11yWalk: { stops: HTMLElement[]; visits: Visit[] } }).a11yWalk;
      const label = (el: Element) =>
        `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
      // A control the page removed meanwhile (a list re-rendered with fresh data) no longer needs reaching.
      const live = stops.map((el, index) => (el.isConnected ? index : -1)).filter((index) => index >= 0);
      const reached = new Set<number>();
      const seen = new Set<number>();
      const allReached = () => live.every((index) => reached.has(index));
      let repeat: string | undefined;
      for (const [index, key, name] of visits) {
        if (allReached()) break;
        if (seen.has(key)) {
          repeat = `focus came back to ${name} after ${seen.size} stops`;
          break;
        }
        seen.add(key);
        if (index >= 0) reached.add(index);
      }
      const first = visits[0];
      return {
        done: allReached() || repeat !== undefined,
        repeat,
        missed: live.filter((index) => !reached.has(index)).map((index) => label(stops[index]!)),
        notSkipLink: first && stops[first[0]]?.classList.contains("skip-link") ? undefined : (first?.[2] ?? "nothing"),
        unringed: [...new Set(visits.filter((v) => !v[3]).map((v) => v[2]))],
        offscreen: [...new Set(visits.filter((v) => !v[4]).map((v) => v[2]))],
      };
    });
  let result = await summarize();
  for (let pressed = 0, batch = count + 1; !result.done && pressed < 2 * count + 20; pressed += batch, batch = 10) {
    for (let i = 0; i < batch; i++) await page.keyboard.press("Tab");
    result = await summarize();
  }
  const notSkipLink = result.notSkipLink ? [`the first Tab reached ${result.notSkipLink}`] : [];
  report(session, path, "-", "keyboard-skip-link-first", notSkipLink);
  const trap = result.repeat ? [result.repeat, ...result.missed.map((m) => `unreached: ${m}`)] : [];
  report(session, path, "-", "keyboard-trap", trap);
  report(session, path, "-", "keyboard-unreached", result.repeat ? [] : result.missed);
  report(session, path, "-", "keyboard-focus-visible", result.unringed);
  report(session, path, "-", "keyboard-focus-offscreen", result.offscreen);
}
