import type { Page } from "playwright-core";
import { type E2eEnvironment, runE2e, step, visible, watchErrors } from "./browser";

/**
 * Mail in Chromium against the platform's own maildev (issue 15): the student sets her mail preferences from the
 * user menu (kept after a reload), applies, and maildev's REST API shows the status-change mail in Vietnamese;
 * the mail's unsubscribe page turns that kind off with one button.
 */

interface ReceivedMail {
  id: string;
  subject: string;
  text: string;
  to: Array<{ address: string }>;
}

async function pageAt(env: E2eEnvironment): Promise<Page> {
  const context = await env.browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 800 } });
  return watchErrors(await context.newPage(), env);
}

async function signIn(page: Page, webUrl: string, displayName: string) {
  await page.goto(`${webUrl}/dang-nhap`);
  await page.getByRole("button", { name: `Đăng nhập với tên ${displayName}`, exact: true }).click();
  await page.waitForURL(`${webUrl}/`);
}

/** Polls maildev until a mail matching `found` arrives (the stream consumer mails within a second or so). */
async function waitForMail(mailUrl: string, found: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const mails = (await (await fetch(`${mailUrl}/api/email`)).json()) as ReceivedMail[];
    const mail = mails.find(found);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("no such mail reached maildev within 30 s");
}

await runE2e("Mail E2E", async (env) => {
  const student = await pageAt(env);
  await signIn(student, env.webUrl, "Nguyễn Thị Lan");
  await step("the student opens “Cài đặt thư” from the user menu and sets saved-search mail off", async () => {
    await student.getByRole("link", { name: "Cài đặt thư" }).click();
    await student.waitForURL(`${env.webUrl}/cai-dat-thu`);
    const alerts = student.getByLabel("Tin mới khớp tìm kiếm đã lưu");
    await visible(alerts);
    if ((await alerts.inputValue()) !== "daily") throw new Error("saved-search mail is not daily by default");
    await alerts.selectOption("off");
    await student.getByRole("button", { name: "Lưu cài đặt" }).click();
    await visible(student.getByText("Đã lưu cài đặt thư."));
    await student.reload();
    await visible(student.getByLabel("Tin mới khớp tìm kiếm đã lưu"));
    if ((await student.getByLabel("Tin mới khớp tìm kiếm đã lưu").inputValue()) !== "off")
      throw new Error("the choice was not kept");
    if ((await student.getByLabel("Thay đổi trạng thái hồ sơ ứng tuyển").inputValue()) !== "instant")
      throw new Error("application mail is not instant");
  });

  let mail: ReceivedMail | undefined;
  await step("she applies, and maildev shows the status-change mail in Vietnamese", async () => {
    await student.goto(`${env.webUrl}/tim-kiem`);
    await visible(student.locator("main ul.cards a[href^='/tin/']"));
    const links = await student
      .locator("main ul.cards a[href^='/tin/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    let applied = false;
    for (const href of links) {
      await student.goto(`${env.webUrl}${href}`);
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
      applied = true;
      break;
    }
    if (!applied) throw new Error(`sv-lan may apply to none of the search results: ${links.join(", ")}`);
    mail = await waitForMail(env.mailUrl, (m) => m.subject === "Hồ sơ ứng tuyển: Đã nộp");
    if (!mail.text.includes("Bạn nhận thư này vì bạn đã ứng tuyển")) throw new Error("the mail does not say why");
  });

  await step("the mail's unsubscribe page turns application mail off with one button", async () => {
    const link = /http\S+\/huy-nhan-thu\?token=\S+/.exec(mail!.text)?.[0];
    if (!link) throw new Error("no unsubscribe link in the mail");
    await student.goto(link);
    await visible(student.getByText("Ngừng nhận thư “Thay đổi trạng thái hồ sơ ứng tuyển” từ KetNoi?"));
    await student.getByRole("button", { name: "Hủy nhận loại thư này" }).click();
    await visible(student.getByRole("status"));
    await student.goto(`${env.webUrl}/cai-dat-thu`);
    await visible(student.getByLabel("Thay đổi trạng thái hồ sơ ứng tuyển"));
    if ((await student.getByLabel("Thay đổi trạng thái hồ sơ ứng tuyển").inputValue()) !== "off")
      throw new Error("the settings page does not show it off");
  });
  await student.context().close();
  return "preferences kept, status mail in maildev, unsubscribe page";
});
