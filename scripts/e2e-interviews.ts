import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { type Actors, phonePage, phoneProblems, runE2e, signedIn, step, visible } from "./browser";

/**
 * Interviews and offers with terms in Chromium at 360 px (Vietnamese UI, role and label locators only): a recruiter
 * posts an internship → a student applies → the recruiter invites to interview with three times in person in Đồng
 * Nai → the student takes the second → the student's .ics download is a REQUEST with the interview's UID and
 * SEQUENCE 1 → the recruiter makes an offer with terms (5,000,000 ₫ a month) → the student reads the terms and
 * accepts in the confirmation that repeats them. Starts the platform in memory; always stops it and the browser.
 */

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const listingTitle = "Thực tập sinh kỹ thuật tự động hóa dây chuyền";
const accounts = { recruiter: "Võ Thị Mai Anh", lan: "Nguyễn Thị Lan" };

async function checkPage(page: Page, where: string) {
  const problems = await phoneProblems(page);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join("; ")}`);
}

async function journey(actors: Actors) {
  const { webUrl } = actors;
  let recruiter!: Page;
  let lan!: Page;
  let listingId = "";
  const lanCard = () =>
    recruiter
      .getByRole("listitem")
      .filter({ has: recruiter.getByRole("heading", { name: accounts.lan, exact: true }) });
  const myCard = () => lan.getByRole("listitem").filter({ has: lan.getByRole("heading", { name: listingTitle }) });

  await step("recruiter posts and publishes an internship", async () => {
    recruiter = await signedIn(actors, accounts.recruiter);
    await recruiter.goto(`${webUrl}/to-chuc-cua-toi`);
    await recruiter.getByRole("link", { name: "Tin đã đăng" }).first().click();
    await recruiter.getByRole("link", { name: "Tạo tin mới" }).click();
    await recruiter.getByLabel("Tiêu đề (tiếng Việt)").fill(listingTitle);
    await recruiter.getByLabel("Mô tả (tiếng Việt)").fill("Vận hành và bảo trì dây chuyền tự động tại KCN Amata.");
    await recruiter.getByLabel("Số lượng cần tuyển").fill("1");
    await recruiter.getByLabel("Thời gian (tuần)").fill("12");
    await recruiter.getByLabel("Xã/phường").selectOption("p-long-binh");
    await recruiter.getByLabel("Hạn nộp hồ sơ").fill(dateIn(60));
    const required = recruiter.getByRole("group", { name: "Kỹ năng cần có" });
    await required.getByLabel("Lọc kỹ năng").fill("lap trinh nhung");
    await required.getByRole("checkbox", { name: "Lập trình nhúng", exact: true }).check();
    await recruiter.getByRole("button", { name: "Lưu bản nháp" }).click();
    await recruiter.waitForURL(/\/tin\/[a-z0-9-]+\/sua\?moi=1$/);
    listingId = new URL(recruiter.url()).pathname.split("/")[2]!;
    await recruiter.getByRole("button", { name: "Lưu và đăng tin" }).click();
    await visible(recruiter.getByText("Đã đăng tin. Sinh viên đã có thể tìm thấy tin này."));
  });

  await step("sv-lan applies", async () => {
    lan = await signedIn(actors, accounts.lan);
    await lan.goto(`${webUrl}/tin/${listingId}`);
    await lan.getByLabel("Lời nhắn cho tổ chức").fill("Em đã làm đồ án PLC Siemens.");
    await lan.getByRole("button", { name: "Nộp hồ sơ" }).click();
    await visible(lan.getByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển."));
  });

  await step("recruiter invites to interview with three times, in person in Đồng Nai", async () => {
    await recruiter.goto(`${webUrl}/tin/${listingId}/ung-vien`);
    await recruiter.getByRole("button", { name: `Mời phỏng vấn: ${accounts.lan}` }).click();
    await visible(recruiter.getByRole("region", { name: "Phỏng vấn (1)" }).getByText(accounts.lan));
    await lanCard()
      .getByRole("button", { name: `Đề xuất lịch phỏng vấn cho ${accounts.lan}` })
      .click();
    const add = lanCard().getByRole("button", { name: "Thêm khung giờ" });
    await add.click();
    await add.click();
    for (const [index, days, time] of [
      [1, 3, "09:00"],
      [2, 4, "14:30"],
      [3, 5, "10:00"],
    ] as const) {
      const slot = lanCard().getByRole("group", { name: `Khung giờ ${index}` });
      await slot.getByLabel("Ngày (giờ Việt Nam)").fill(dateIn(days));
      await slot.getByLabel("Giờ bắt đầu").fill(time);
      await slot.getByLabel("Thời lượng (phút)").fill("45");
    }
    await lanCard().getByLabel("Xã/phường (Đồng Nai)").selectOption("p-long-binh");
    await lanCard().getByLabel("Địa chỉ (số nhà, đường, khu công nghiệp)").fill("Lô 12, KCN Amata");
    await lanCard().getByLabel("Ghi chú cho ứng viên").fill("Mang theo CV bản giấy.");
    await checkPage(recruiter, "interview proposal form");
    await lanCard().getByRole("button", { name: "Gửi lịch đề xuất" }).click();
    await visible(lanCard().getByText("Đang chờ ứng viên chọn giờ"));
  });

  await step("sv-lan takes the second time and downloads the calendar file", async () => {
    await lan.goto(`${webUrl}/ung-tuyen`);
    const choice = myCard().getByRole("group", { name: "Chọn một khung giờ phỏng vấn" });
    await visible(choice);
    await checkPage(lan, "interview choice");
    const times = choice.getByRole("radio");
    if ((await times.count()) !== 3) throw new Error(`expected 3 times, saw ${await times.count()}`);
    await times.nth(1).check();
    await myCard().getByRole("button", { name: "Xác nhận khung giờ này" }).click();
    await visible(myCard().getByText("Đã chốt lịch", { exact: true }));
    const [download] = await Promise.all([
      lan.waitForEvent("download"),
      myCard().getByRole("button", { name: "Tải lịch (.ics)" }).click(),
    ]);
    const ics = await readFile((await download.path())!, "utf8");
    for (const line of ["BEGIN:VCALENDAR", "METHOD:REQUEST", "SEQUENCE:1", "STATUS:CONFIRMED", "DURATION:PT45M"]) {
      if (!ics.includes(line)) throw new Error(`the .ics lacks ${line}:\n${ics}`);
    }
    // 14:30 in Vietnam is 07:30 UTC, on the second proposed day.
    const start = `DTSTART:${dateIn(4).replaceAll("-", "")}T073000Z`;
    if (!ics.includes(start) || !/UID:interview-[0-9a-f-]+@ketnoi/.test(ics)) {
      throw new Error(`the .ics has the wrong time or no stable UID (${start}):\n${ics}`);
    }
  });

  await step("recruiter sees the chosen time and makes an offer with terms", async () => {
    await recruiter.reload();
    await visible(lanCard().getByText("Đã chốt lịch", { exact: true }));
    await lanCard()
      .getByRole("button", { name: `Gửi lời mời nhận cho ${accounts.lan}` })
      .click();
    await lanCard().getByLabel("Chế độ chi trả").selectOption("monthly");
    await lanCard().getByLabel("Số tiền (VND)").fill("5000000");
    await lanCard().getByLabel("Ngày bắt đầu").fill(dateIn(30));
    await lanCard().getByLabel("Hạn trả lời (hết ngày)").fill(dateIn(7));
    await lanCard().getByLabel("Nơi làm việc").fill("KCN Amata, Biên Hòa");
    await checkPage(recruiter, "offer form");
    await lanCard().getByRole("button", { name: "Gửi lời mời kèm điều kiện" }).click();
    await visible(recruiter.getByRole("region", { name: "Đã mời (1)" }).getByText(accounts.lan));
    await visible(lanCard().getByText("Đang chờ trả lời"));
  });

  await step("sv-lan reads the terms and accepts in the confirmation that repeats them", async () => {
    await lan.goto(`${webUrl}/ung-tuyen`);
    const offer = myCard().getByRole("region", { name: "Lời mời nhận việc" });
    await visible(offer.getByText(/^Chi trả: 5\.000\.000\s₫\/tháng$/));
    await checkPage(lan, "offer terms");
    await offer.getByRole("button", { name: "Nhận lời mời" }).click();
    const confirm = offer.getByRole("alertdialog");
    await visible(confirm.getByText(/^Chi trả: 5\.000\.000\s₫\/tháng$/));
    await visible(confirm.getByText(`Nơi làm việc: KCN Amata, Biên Hòa`));
    await confirm.getByRole("button", { name: "Tôi đồng ý nhận lời" }).click();
    await visible(myCard().getByText("Đã nhận lời", { exact: true }));
  });
}

await runE2e("Interviews E2E", (env) => journey({ webUrl: env.webUrl, newPage: () => phonePage(env) }));
