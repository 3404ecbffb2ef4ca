import type { Page } from "playwright-core";
import { type E2eEnvironment, runE2e, step, visible, watchErrors } from "./browser";

/**
 * Phone first, nothing off-screen (issue 12), measured with element boxes in Chromium on the demo data:
 * at 360 px the first search result is on the first screen (the filters fold behind "Bộ lọc"), and the button opens
 * them from the keyboard; at 1280 px the student menu is one line and no applicant-board column is off-screen.
 */

async function pageAt(env: E2eEnvironment, width: number, height: number): Promise<Page> {
  const context = await env.browser.newContext({ locale: "vi-VN", viewport: { width, height } });
  return watchErrors(await context.newPage(), env);
}

async function signIn(page: Page, webUrl: string, displayName: string) {
  await page.goto(`${webUrl}/dang-nhap`);
  await page.getByRole("button", { name: `Đăng nhập với tên ${displayName}`, exact: true }).click();
  await page.waitForURL(`${webUrl}/`);
}

async function searchOnPhone(env: E2eEnvironment) {
  const page = await pageAt(env, 360, 740);
  await step("360 px: the first search result is on the first screen, the filters behind “Bộ lọc”", async () => {
    await page.goto(`${env.webUrl}/tim-kiem`);
    const first = page.locator("main ul.cards > li").first();
    await visible(first);
    const box = await first.boundingBox();
    if (!box || box.y + Math.min(box.height, 80) > 740) {
      throw new Error(`the first result starts at y=${box?.y}px, below the 740 px screen`);
    }
    if (await page.getByLabel("Loại tin").isVisible()) throw new Error("the filters show before the first result");
  });
  await step("360 px: the “Bộ lọc” button opens the filters from the keyboard", async () => {
    const toggle = page.getByRole("button", { name: "Bộ lọc", exact: true });
    await toggle.focus();
    await page.keyboard.press("Enter");
    if ((await toggle.getAttribute("aria-expanded")) !== "true") throw new Error("aria-expanded did not turn true");
    await visible(page.getByLabel("Loại tin"));
    await page.keyboard.press("Enter");
    if (await page.getByLabel("Loại tin").isVisible()) throw new Error("a second Enter did not fold the filters");
  });
  await page.context().close();
}

async function wideScreen(env: E2eEnvironment) {
  const student = await pageAt(env, 1280, 800);
  await signIn(student, env.webUrl, "Nguyễn Thị Lan");
  await step("1280 px: the student menu is one line, and the filters show without a button", async () => {
    const items = student.locator("#site-menu .menu-links > li");
    await visible(items);
    // One line: every item's box overlaps every other's vertically (items of different heights are centred).
    const boxes = await items.evaluateAll((lis) =>
      lis.map((li) => {
        const r = li.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, width: Math.round(r.width), text: li.textContent?.trim() };
      }),
    );
    const lowestTop = Math.max(...boxes.map((b) => b.top));
    const highestBottom = Math.min(...boxes.map((b) => b.bottom));
    if (lowestTop >= highestBottom) {
      throw new Error(`the menu wraps: ${boxes.map((b) => `${b.text} (${b.width}px, top ${b.top})`).join("; ")}`);
    }
    await student.goto(`${env.webUrl}/tim-kiem`);
    await visible(student.getByLabel("Loại tin"));
    if (await student.getByRole("button", { name: "Bộ lọc", exact: true }).isVisible())
      throw new Error("the filter button shows");
  });

  const recruiter = await pageAt(env, 1280, 800);
  await signIn(recruiter, env.webUrl, "Võ Thị Mai Anh");
  await step("1280 px: every applicant-board column is inside the screen (sv-lan has applied)", async () => {
    // The organisation's listings (the menu links them for a one-organisation recruiter), then the first board
    // that has applicants: an empty board shows no columns.
    const listingsPage = await recruiter.locator("#site-menu a[href$='/tin']").first().getAttribute("href");
    await recruiter.goto(`${env.webUrl}${listingsPage}`);
    await visible(recruiter.locator("main a[href$='/ung-vien']"));
    const boards = await recruiter
      .locator("main a[href$='/ung-vien']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    // The demo's listings of this organisation have no applicants yet: sv-lan applies to the first she may apply to.
    let board = "";
    for (const candidate of boards) {
      await student.goto(`${env.webUrl}${candidate.replace(/\/ung-vien$/, "")}`);
      const note = student.getByLabel("Lời nhắn cho tổ chức");
      if (
        !(await note.waitFor({ state: "visible", timeout: 5_000 }).then(
          () => true,
          () => false,
        ))
      )
        continue;
      await note.fill("Em muốn thực tập ở đây.");
      await student.getByRole("button", { name: "Nộp hồ sơ" }).click();
      await visible(student.getByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển."));
      board = candidate;
      break;
    }
    if (!board) throw new Error(`sv-lan may apply to none of ${boards.join(", ")}`);
    await recruiter.goto(`${env.webUrl}${board}`);
    const columns = recruiter.locator(".board-column");
    await visible(columns);
    const boxes = await columns.evaluateAll((sections) =>
      sections.map((s) => {
        const r = s.getBoundingClientRect();
        return { name: s.querySelector("h2")?.textContent ?? "", left: r.left, right: r.right };
      }),
    );
    const off = boxes.filter((b) => b.left < 0 || b.right > 1280);
    if (boxes.length < 7 || off.length > 0) {
      throw new Error(`${boxes.length} columns; off-screen: ${off.map((b) => `${b.name} ${b.left}–${b.right}`)}`);
    }
    const names = boxes.map((b) => b.name).join(" | ");
    if (!/Đã mời/.test(names) || !/Đã nhận lời/.test(names)) throw new Error(`columns: ${names}`);
  });
  await recruiter.context().close();
  await student.context().close();
}

await runE2e("Layout E2E", async (env) => {
  await searchOnPhone(env);
  await wideScreen(env);
  return "first result on a 360 px screen, one-line menu and every board column on a 1280 px screen";
});
