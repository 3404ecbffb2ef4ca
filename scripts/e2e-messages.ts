import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { type Actors, phonePage, phoneProblems, runE2e, signedIn, step, visible } from "./browser";

/**
 * Messages per application in Chromium at 360 px (Vietnamese UI): a student writes in the thread of her application
 * → the recruiter sees the unread badge in the menu, follows it to the applicant board, reads and replies, and
 * writes a private note with a rating → the student sees the badge and the reply, and nothing of the note.
 * Starts the whole platform in memory on free ports and always stops it and the browser.
 */

const listingId = "amata-tech-intern-embedded";
const accounts = { student: "Nguyễn Thị Lan", recruiter: "Võ Thị Mai Anh" };
const question = "Em chào anh chị, buổi phỏng vấn có làm bài kiểm tra lập trình C không ạ?";
const reply = "Chào em, có một bài 30 phút về vi điều khiển. Hẹn em thứ Hai.";
const privateNote = "Ứng viên chủ động, nên mời phỏng vấn — GHI-CHU-NOI-BO";

/**
 * What the accessibility gate (e2e-a11y.ts) cannot see, since the demo data has no thread: the open thread, the
 * notes panel and the unread badge, at 360 px. Nothing scrolls sideways, every control has a name, and axe-core
 * (WCAG 2.0/2.1 A and AA) finds nothing.
 */
async function checkPage(page: Page, where: string) {
  const problems = await phoneProblems(page);
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode()
    .analyze();
  problems.push(...violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
  if (problems.length > 0) throw new Error(`${where}: ${problems.join("; ")}`);
}

/** The student's card of her application to the listing, on /ung-tuyen. */
const applicationCard = (page: Page) =>
  page.getByRole("listitem").filter({ has: page.locator(`a[href="/tin/${listingId}"]`) });

async function journey(actors: Actors) {
  const { webUrl } = actors;
  let student!: Page;
  let recruiter!: Page;

  await step("the student applies and writes in her application's thread", async () => {
    student = await signedIn(actors, accounts.student);
    await student.goto(`${webUrl}/tin/${listingId}`);
    // The demo data has no application of hers to this listing (the platform starts fresh, in memory).
    await student.getByLabel("Lời nhắn cho tổ chức").fill("Em muốn học lập trình nhúng.");
    await student.getByRole("button", { name: "Nộp hồ sơ" }).click();
    await visible(student.getByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển."));
    await student.goto(`${webUrl}/ung-tuyen`);
    const card = applicationCard(student);
    await card.locator("summary").first().click();
    await visible(card.getByText("Chưa có tin nhắn nào."));
    await card.getByLabel("Tin nhắn của bạn").fill(question);
    await card.getByRole("button", { name: "Gửi", exact: true }).click();
    await visible(card.getByRole("list", { name: "Các tin nhắn" }).getByText(question));
    await visible(student.getByRole("status").getByText("Đã gửi tin nhắn."));
    await checkPage(student, "student's applications with the thread open");
  });

  await step("the recruiter sees the unread badge, follows it and replies; notes and rating for members", async () => {
    recruiter = await signedIn(actors, accounts.recruiter);
    const badge = recruiter.getByRole("link", { name: "Tin nhắn chưa đọc: 1" });
    await visible(badge);
    await checkPage(recruiter, "home page with the unread-messages badge");
    await badge.click();
    await recruiter.waitForURL(`${webUrl}/tin/${listingId}/ung-vien`);
    const summary = recruiter.locator("summary", { hasText: "Tin nhắn (1 chưa đọc)" });
    await visible(summary);
    await summary.click();
    // The one applicant whose thread is open (the summary's count changes once read, so it names no card).
    const card = recruiter.getByRole("listitem").filter({ has: recruiter.getByRole("list", { name: "Các tin nhắn" }) });
    await visible(card.getByRole("list", { name: "Các tin nhắn" }).getByText(question));
    await card.getByLabel("Tin nhắn của bạn").fill(reply);
    await card.getByRole("button", { name: "Gửi", exact: true }).click();
    await visible(card.getByRole("list", { name: "Các tin nhắn" }).getByText(reply));
    // Read: the badge goes away.
    await badge.waitFor({ state: "detached" });
    await card.getByLabel(/^Ghi chú về ứng viên /).fill(privateNote);
    await card.getByRole("radio", { name: "4 sao" }).check();
    await card.getByRole("button", { name: "Lưu ghi chú" }).click();
    await visible(card.getByText("Đã lưu ghi chú."));
    await visible(card.getByText(`Cập nhật lần cuối bởi ${accounts.recruiter}`, { exact: false }));
    await checkPage(recruiter, "applicant board with the thread and notes open");
  });

  await step("the student sees the badge and the reply, and nothing of the recruiter's note", async () => {
    await student.goto(`${webUrl}/ung-tuyen`);
    await visible(student.getByRole("link", { name: "Tin nhắn chưa đọc: 1" }));
    const card = applicationCard(student);
    const summary = card.locator("summary", { hasText: "Tin nhắn (1 chưa đọc)" });
    await visible(summary);
    await summary.click();
    await visible(card.getByRole("list", { name: "Các tin nhắn" }).getByText(reply));
    await student.getByRole("link", { name: "Tin nhắn chưa đọc: 1" }).waitFor({ state: "detached" });
    const everything = await student.content();
    if (everything.includes("GHI-CHU-NOI-BO") || everything.includes("Ghi chú nội bộ")) {
      throw new Error("the student's page shows the recruiter's private note");
    }
    await checkPage(student, "student's thread with the reply");
  });
  return "student ↔ recruiter thread, unread badges, private notes hidden from the student";
}

// One context per person: each keeps its own session, as on separate phones.
await runE2e("Messages E2E", (env) => journey({ webUrl: env.webUrl, newPage: () => phonePage(env) }));
