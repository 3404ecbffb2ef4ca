import type { Page } from "playwright-core";
import { type Actors, openMenu, phonePage, phoneProblems, runE2e, signedIn, step, visible } from "./browser";

/**
 * The marketplace's core loop in Chromium, as each role does it (Vietnamese UI, role and label locators only):
 * a recruiter registers an organisation → an admin verifies it from the queue → the recruiter posts an internship
 * with 2 positions and publishes it → a student finds it by typing its title without diacritics, applies → the
 * recruiter shortlists and offers → the student accepts → two more students apply; the recruiter offers to the
 * second (the last position) and the third offer is refused with a visible message.
 * Starts the whole platform in memory on free ports and always stops it and the browser.
 */

/** A date `days` from now as YYYY-MM-DD (Vietnam is UTC+7; a week's margin makes the zone irrelevant). */
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Written with diacritics; the student types it without them.
const orgName = "Công ty TNHH Cảm biến Đồng Nai Xanh";
const listingTitle = "Thực tập sinh kiểm định cảm biến đo lường";
const typedQuery = "thuc tap sinh kiem dinh cam bien";

const accounts = {
  recruiter: "Võ Thị Mai Anh",
  admin: "Quản trị viên KetNoi",
  minh: "Trần Quang Minh",
  lan: "Nguyễn Thị Lan",
};

/**
 * Two checks a phone user would notice, run on each page the journey visits: nothing scrolls sideways at 360 px,
 * and every visible form control has a name (label, aria-label or aria-labelledby).
 */
async function checkPage(page: Page, where: string) {
  const problems = await phoneProblems(page);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join("; ")}`);
}

/** A student demo account other than the two named ones, read from the sign-in page. */
async function thirdStudentName(actors: Actors): Promise<string> {
  const page = await actors.newPage();
  await page.goto(`${actors.webUrl}/dang-nhap`);
  const students = page.getByRole("region", { name: "Sinh viên" }).getByRole("button", { name: /^Đăng nhập với tên / });
  await visible(students);
  for (const label of await students.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? ""))) {
    const name = label.replace("Đăng nhập với tên ", "");
    if (name !== accounts.lan && name !== accounts.minh) {
      await page.context().close();
      return name;
    }
  }
  throw new Error("the demo data has no third student");
}

/** Searches as a student would, retrying briefly: the search index follows writes within about a second. */
async function findByTyping(page: Page, webUrl: string, query: string, title: string) {
  await page.goto(`${webUrl}/tim-kiem`);
  await page.getByRole("searchbox", { name: "Từ khóa" }).fill(query);
  const result = page.getByRole("main").getByRole("link", { name: title, exact: true });
  for (let attempt = 1; ; attempt++) {
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    try {
      await result.waitFor({ state: "visible", timeout: 2_000 });
      return result;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * The board's quick "Gửi lời mời nhận" opens the offer's terms form (every offer has terms and a reply-by day,
 * a week ahead by default): a monthly amount, the defaults for the dates, and send.
 */
async function offerWithTerms(recruiter: Page, name: string, monthlyVnd: string) {
  await recruiter.getByRole("button", { name: `Gửi lời mời nhận: ${name}` }).click();
  const card = recruiter.getByRole("listitem").filter({ has: recruiter.getByRole("heading", { name, exact: true }) });
  await card.getByLabel("Số tiền (VND)").fill(monthlyVnd);
  await checkPage(recruiter, "offer terms form");
  await card.getByRole("button", { name: "Gửi lời mời kèm điều kiện" }).click();
}

async function applyTo(page: Page, webUrl: string, listingId: string, note: string) {
  await page.goto(`${webUrl}/tin/${listingId}`);
  await page.getByLabel("Lời nhắn cho tổ chức").fill(note);
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click();
  await visible(page.getByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển."));
}

async function journey(actors: Actors) {
  const { webUrl } = actors;
  let recruiter!: Page;
  let admin!: Page;
  let minh!: Page;
  let orgId = "";
  let listingId = "";

  await step("recruiter registers an organisation, which awaits verification", async () => {
    recruiter = await signedIn(actors, accounts.recruiter);
    await (await openMenu(recruiter)).getByRole("link", { name: "Tổ chức của tôi" }).click();
    await recruiter.getByRole("link", { name: "Đăng ký tổ chức mới" }).click();
    await visible(recruiter.getByRole("heading", { level: 1, name: "Đăng ký tổ chức" }));
    await checkPage(recruiter, "register an organisation");
    await recruiter.getByLabel("Loại tổ chức").selectOption("enterprise");
    await recruiter.getByLabel("Tên tổ chức (tiếng Việt)").fill(orgName);
    await recruiter.getByRole("checkbox", { name: "Điện tử", exact: true }).check();
    await recruiter.getByLabel("Xã/phường").selectOption("x-nhon-trach");
    await recruiter.getByLabel("Khu công nghiệp").selectOption("nhon-trach-3");
    await recruiter.getByLabel("Địa chỉ").fill("Lô C4, KCN Nhơn Trạch 3");
    await recruiter.getByLabel("Trang web").fill("https://dongnaixanh.example.vn");
    await recruiter.getByRole("button", { name: "Gửi đăng ký" }).click();
    await recruiter.waitForURL(/\/to-chuc\/[a-z0-9-]+\?moi=1$/);
    orgId = new URL(recruiter.url()).pathname.split("/")[2]!;
    await visible(recruiter.getByRole("heading", { level: 1, name: orgName }));
    await visible(recruiter.getByText("Chờ xác minh"));
  });

  await step("admin verifies it from the verification queue", async () => {
    admin = await signedIn(actors, accounts.admin);
    await (await openMenu(admin)).getByRole("link", { name: "Xác minh tổ chức" }).click();
    const decision = admin.getByRole("group", { name: `Quyết định cho “${orgName}”` });
    await visible(decision);
    await checkPage(admin, "verification queue");
    await decision.getByRole("button", { name: "Xác minh" }).click();
    await visible(admin.getByText(`Đã xác minh “${orgName}”.`));
  });

  await step("recruiter posts an internship with 2 positions and publishes it", async () => {
    await recruiter.goto(`${webUrl}/to-chuc/${orgId}/tin`);
    await visible(recruiter.getByText("Đã xác minh"));
    await recruiter.getByRole("link", { name: "Tạo tin mới" }).click();
    await recruiter.getByLabel("Tiêu đề (tiếng Việt)").fill(listingTitle);
    await recruiter
      .getByLabel("Mô tả (tiếng Việt)")
      .fill("Kiểm định và hiệu chuẩn cảm biến đo lường trong dây chuyền sản xuất tại KCN Nhơn Trạch 3.");
    await recruiter.getByLabel("Số lượng cần tuyển").fill("2");
    await recruiter.getByLabel("Thời gian (tuần)").fill("12");
    await recruiter.getByLabel("Thù lao").selectOption("yes");
    await recruiter.getByLabel("Mức hỗ trợ mỗi tháng (đồng)").fill("3000000");
    await recruiter.getByLabel("Xã/phường").selectOption("x-nhon-trach");
    await recruiter.getByLabel("Hạn nộp hồ sơ").fill(dateIn(60));
    const required = recruiter.getByRole("group", { name: "Kỹ năng cần có" });
    await required.getByLabel("Lọc kỹ năng").fill("lap trinh nhung");
    await required.getByRole("checkbox", { name: "Lập trình nhúng", exact: true }).check();
    await checkPage(recruiter, "listing editor");
    await recruiter.getByRole("button", { name: "Xem trước" }).click();
    await visible(
      recruiter.getByRole("region", { name: /^Bản xem trước/ }).getByRole("heading", { name: listingTitle }),
    );
    await recruiter.getByRole("button", { name: "Lưu bản nháp" }).click();
    await recruiter.waitForURL(/\/tin\/[a-z0-9-]+\/sua\?moi=1$/);
    listingId = new URL(recruiter.url()).pathname.split("/")[2]!;
    await recruiter.getByRole("button", { name: "Lưu và đăng tin" }).click();
    await visible(recruiter.getByText("Đã đăng tin. Sinh viên đã có thể tìm thấy tin này."));
  });

  await step("sv-minh finds it by typing the title without diacritics and applies", async () => {
    minh = await signedIn(actors, accounts.minh);
    const result = await findByTyping(minh, webUrl, typedQuery, listingTitle);
    await checkPage(minh, "search");
    await result.click();
    await visible(minh.getByRole("heading", { level: 1, name: listingTitle }));
    await minh.getByLabel("Lời nhắn cho tổ chức").fill("Em đã làm đồ án cảm biến nhiệt độ với vi điều khiển STM32.");
    await checkPage(minh, "listing detail with the application form");
    await minh.getByRole("button", { name: "Nộp hồ sơ" }).click();
    await visible(minh.getByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển."));
  });

  await step("recruiter shortlists, then offers, on the applicant board", async () => {
    await recruiter.goto(`${webUrl}/tin/${listingId}/ung-vien`);
    await recruiter.getByRole("button", { name: `Đưa vào danh sách rút gọn: ${accounts.minh}` }).click();
    await visible(recruiter.getByRole("region", { name: "Danh sách rút gọn (1)" }).getByText(accounts.minh));
    await checkPage(recruiter, "applicant board");
    await offerWithTerms(recruiter, accounts.minh, "4000000");
    await visible(recruiter.getByRole("region", { name: "Đã mời (1)" }).getByText(accounts.minh));
  });

  await step("sv-minh sees the offer in the timeline and accepts it", async () => {
    await minh.goto(`${webUrl}/ung-tuyen`);
    const card = minh.getByRole("listitem").filter({ has: minh.getByRole("heading", { name: listingTitle }) });
    await visible(card.getByRole("list", { name: "Các bước" }).getByText("Vào danh sách rút gọn"));
    await checkPage(minh, "my applications");
    const offer = card.getByRole("region", { name: "Lời mời nhận việc" });
    await offer.getByRole("button", { name: "Nhận lời mời" }).click();
    // Accepting is final: the card states it with the offer's terms before anything is sent.
    const confirm = offer.getByRole("alertdialog");
    await visible(confirm.getByText(/^Chi trả: 4\.000\.000\s₫\/tháng$/));
    await confirm.getByRole("button", { name: "Tôi đồng ý nhận lời" }).click();
    await visible(card.getByText("Đã nhận lời", { exact: true }));
  });

  const third = await thirdStudentName(actors);
  await step(`sv-lan and a third student (${third}) apply`, async () => {
    const lan = await signedIn(actors, accounts.lan);
    await applyTo(lan, webUrl, listingId, "Em muốn học kiểm định thiết bị đo.");
    const other = await signedIn(actors, third);
    await applyTo(other, webUrl, listingId, "Em quan tâm đến cảm biến công nghiệp.");
  });

  await step("recruiter offers to the second applicant; the offer beyond capacity is refused, visibly", async () => {
    await recruiter.goto(`${webUrl}/tin/${listingId}/ung-vien`);
    await visible(recruiter.getByText("Vị trí: 2 · đang giữ (đã mời hoặc đã nhận): 1 · đã nhận lời: 1"));
    await offerWithTerms(recruiter, accounts.lan, "4000000");
    await visible(recruiter.getByRole("region", { name: "Đã mời (1)" }).getByText(accounts.lan));
    await offerWithTerms(recruiter, third, "4000000");
    const card = recruiter.getByRole("listitem").filter({ has: recruiter.getByRole("heading", { name: third }) });
    await visible(card.getByRole("alert").getByText(/^Tin đã đủ chỉ tiêu/));
    await visible(recruiter.getByRole("region", { name: "Mới nộp (1)" }).getByText(third));
  });
}

// One context per person: each keeps its own session, as on separate phones.
await runE2e("Marketplace E2E", (env) => journey({ webUrl: env.webUrl, newPage: () => phonePage(env) }));
