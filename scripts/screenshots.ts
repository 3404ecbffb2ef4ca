import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { type E2eEnvironment, runE2e, step, visible, watchErrors } from "./browser";

/**
 * Regenerates the README's screenshots (docs/screenshots/) from the demo data: the province's dashboard, round
 * creation for a school's staff and the student profile, each at 360 px (phone) and 1280 px, in Vietnamese.
 * `npm run screenshots`; starts the whole platform in memory and stops it again.
 */
const outDir = join(import.meta.dirname, "..", "docs", "screenshots");

const shots = [
  { name: "dashboard", account: "Huỳnh Văn Tài", path: "/bang-dieu-khien", ready: "Bảng điều khiển" },
  { name: "round-creation", account: "Phạm Thu Hà", path: "/phan-bo", ready: "Đợt phân bổ" },
  { name: "student-profile", account: "Nguyễn Thị Lan", path: "/ho-so", ready: "Hồ sơ" },
] as const;

async function signedInAt(env: E2eEnvironment, width: number, account: string): Promise<Page> {
  const context = await env.browser.newContext({ locale: "vi-VN", viewport: { width, height: 900 } });
  const page = watchErrors(await context.newPage(), env);
  await page.goto(`${env.webUrl}/dang-nhap`);
  await page.getByRole("button", { name: `Đăng nhập với tên ${account}`, exact: true }).click();
  await page.waitForURL(`${env.webUrl}/`);
  return page;
}

await runE2e("Screenshots", async (env) => {
  mkdirSync(outDir, { recursive: true });
  for (const shot of shots) {
    for (const width of [360, 1280]) {
      await step(`${shot.name} at ${width} px`, async () => {
        const page = await signedInAt(env, width, shot.account);
        await page.goto(`${env.webUrl}${shot.path}`);
        await visible(page.getByRole("heading", { level: 1, name: new RegExp(shot.ready) }));
        await page.waitForLoadState("networkidle");
        // Let charts and fonts settle: the screenshot should show the page as a person sees it.
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(outDir, `${shot.name}-${width}.png`), fullPage: true });
        await page.context().close();
      });
    }
  }
  return `${shots.length * 2} screenshots in docs/screenshots/`;
});
