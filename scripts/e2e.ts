import type { Page } from "playwright-core";
import { runE2e, step, visible, watchErrors } from "./browser";

/**
 * `npm run test:e2e`: starts the whole platform in memory on free ports, drives Debian Chromium through what a
 * visitor does (feed → sign-in → signed-in header → English → a listing), and always cleans up after itself.
 */

const roleNames = ["Sinh viên", "Cán bộ trường/viện", "Nhà tuyển dụng", "Cán bộ tỉnh", "Quản trị nền tảng"];

async function journeys(page: Page, webUrl: string) {
  const main = page.getByRole("main");

  await step("home page shows live listings from the demo data", async () => {
    await page.goto(webUrl);
    await visible(page.getByRole("heading", { level: 1, name: "Cơ hội đang mở" }));
    const firstCard = main.getByRole("article").first();
    await visible(firstCard);
    const href = await firstCard.getByRole("link").getAttribute("href");
    if (!href?.startsWith("/tin/")) throw new Error(`the first card links to ${href}, not to a listing`);
    await visible(main.getByText("Đã xác minh"));
  });

  await step("sign-in page lists demo accounts for all five roles", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/dang-nhap$/);
    for (const role of roleNames) {
      await visible(page.getByRole("region", { name: role }).getByRole("button", { name: /^Đăng nhập với tên / }));
    }
  });

  await step("signing in as sv-lan shows Nguyễn Thị Lan in the header", async () => {
    await page.getByRole("button", { name: "Đăng nhập với tên Nguyễn Thị Lan" }).click();
    await page.waitForURL(`${webUrl}/`);
    await visible(page.getByRole("banner").getByText("Nguyễn Thị Lan"));
    await visible(page.getByRole("banner").getByRole("button", { name: "Đăng xuất" }));
  });

  await step("the language switch turns the UI English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Open opportunities" }));
    await visible(page.getByRole("navigation").getByRole("link", { name: "Latest listings" }));
    await visible(page.getByRole("button", { name: "Sign out" }));
    await page.locator('html[lang="en"]').waitFor({ state: "attached" });
  });

  await step("a listing detail page opens", async () => {
    const link = main.getByRole("article").first().getByRole("link");
    const title = (await link.textContent())?.trim() ?? "";
    await link.click();
    await page.waitForURL(/\/tin\/[a-z0-9-]+$/);
    await visible(page.getByRole("heading", { level: 1, name: title, exact: true }));
    await visible(page.getByRole("heading", { level: 2, name: "Key facts" }));
  });
}

await runE2e("E2E", async (env) => {
  await journeys(watchErrors(await env.browser.newPage(), env), env.webUrl);
});
