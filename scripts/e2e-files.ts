import { readFile } from "node:fs/promises";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Page } from "playwright-core";
import { type E2eEnvironment, runE2e, step, visible, watchErrors } from "./browser";

/**
 * CV files in Chromium (issue 16), against the platform's s3rver: a student uploads a real PDF (straight to
 * storage with the presigned POST, then checked by the API) and sees a renamed .exe refused; applies with the CV;
 * the listing's recruiter downloads it from the applicant board (a presigned GET); the student withdraws their
 * share consent and the recruiter's next download is refused. Then the printable CV page, in English.
 */

const student = "Nguyễn Thị Lan";
const recruiter = "Võ Thị Mai Anh";
// A published internship of AMATA Tech, whose owner is the recruiter above (functions/src/seed/demo-data.ts).
const listingId = "amata-tech-intern-embedded";
const cvName = "CV tiếng Việt";

async function signedInPage(env: E2eEnvironment, displayName: string): Promise<Page> {
  const context = await env.browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
  const page = watchErrors(await context.newPage(), env);
  await page.goto(`${env.webUrl}/dang-nhap`);
  await page.getByRole("button", { name: `Đăng nhập với tên ${displayName}`, exact: true }).click();
  await page.waitForURL(`${env.webUrl}/`);
  return page;
}

async function twoPagePdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const line of ["Nguyen Thi Lan - CV", "Projects"]) document.addPage().drawText(line, { x: 50, y: 780, font });
  return Buffer.from(await document.save());
}

async function upload(page: Page, name: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const panel = page.getByRole("region", { name: "CV của tôi (PDF)" });
  await panel.getByLabel(/^Tên CV/).fill(name);
  await panel.getByLabel("Tệp PDF").setInputFiles(file);
  await panel.getByRole("button", { name: "Tải lên", exact: true }).click();
  return panel;
}

async function journey(env: E2eEnvironment) {
  const lan = await signedInPage(env, student);
  const pdf = await twoPagePdf();

  await step("the student uploads a PDF CV: checked, listed with its 2 pages", async () => {
    await lan.goto(`${env.webUrl}/ho-so`);
    const panel = await upload(lan, cvName, { name: "cv-lan.pdf", mimeType: "application/pdf", buffer: pdf });
    await visible(panel.getByText(`Đã tải lên “${cvName}”.`));
    await visible(panel.getByRole("listitem").filter({ hasText: cvName }).getByText("2 trang"));
  });

  await step("a renamed .exe is refused with a clear message, and not listed", async () => {
    const exe = Buffer.alloc(4096);
    exe.write("MZ", 0, "latin1");
    const panel = await upload(lan, "CV giả", { name: "cv.pdf", mimeType: "application/pdf", buffer: exe });
    await visible(panel.getByRole("alert").getByText(/không phải PDF/));
    if ((await panel.getByRole("listitem").filter({ hasText: "CV giả" }).count()) > 0) {
      throw new Error("the refused file is listed");
    }
  });

  await step("the student applies with the CV attached", async () => {
    await lan.goto(`${env.webUrl}/tin/${listingId}`);
    await lan.getByLabel("CV đính kèm").selectOption({ label: cvName });
    await lan.getByRole("button", { name: "Nộp hồ sơ" }).click();
    await visible(lan.getByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển."));
  });

  const maiAnh = await signedInPage(env, recruiter);
  const downloadButton = () => maiAnh.getByRole("button", { name: `Tải CV “${cvName}”` });
  await step("the recruiter downloads the CV from the applicant board: the same PDF", async () => {
    await maiAnh.goto(`${env.webUrl}/tin/${listingId}/ung-vien`);
    const card = maiAnh.getByRole("listitem").filter({ hasText: student });
    await card.locator("summary").first().click();
    const [download] = await Promise.all([maiAnh.waitForEvent("download"), downloadButton().click()]);
    const saved = await readFile((await download.path())!);
    if (!saved.equals(pdf)) throw new Error(`the downloaded file differs (${saved.length} bytes, ${pdf.length} sent)`);
    if (!download.suggestedFilename().endsWith(".pdf")) throw new Error(`saved as ${download.suggestedFilename()}`);
  });

  await step("the student withdraws the share consent: the recruiter's next download is refused", async () => {
    await lan.goto(`${env.webUrl}/ho-so`);
    const share = lan.getByRole("switch", { name: /Chia sẻ họ tên, email và CV/ });
    await share.click();
    await visible(lan.getByText(/Đã rút lại lúc/).first());
    await maiAnh.reload();
    // Without the consent the board shows her pseudonym; she is this listing's only applicant.
    await maiAnh.locator("li.applicant summary").first().click();
    await downloadButton().click();
    await visible(maiAnh.getByRole("alert").getByText(/chưa đồng ý \(hoặc đã rút đồng ý\)/));
  });

  await step("the printable CV shows the profile in English, without the site's header", async () => {
    await lan.goto(`${env.webUrl}/ho-so/in`);
    await lan.getByRole("radio", { name: "English" }).check();
    const cv = lan.getByRole("article");
    await visible(cv.getByRole("heading", { name: "Skills" }));
    await lan.emulateMedia({ media: "print" });
    if (await lan.locator(".site-header").isVisible()) throw new Error("the header is printed");
    if (!(await cv.isVisible())) throw new Error("the CV is not printed");
  });
  return "upload, .exe refused, apply with CV, download, consent withdrawn, print";
}

await runE2e("E2E files", journey);
