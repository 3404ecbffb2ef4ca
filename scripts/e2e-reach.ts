import { runInterviewJobs } from "@ketnoi/functions/interviews/jobs";
import { mailsTo } from "@ketnoi/functions/test/maildev";
import type { Page } from "playwright-core";
import { type Actors, phonePage, phoneProblems, runE2e, signedIn, step, visible } from "./browser";
import { eventually, invitationsTo, type ParsedEvent } from "./e2e-reach-mail";

/**
 * Issue 15's "Done when", in Chromium at 360 px (Vietnamese UI, role and label locators only) against the
 * platform's own maildev: a recruiter posts an internship with one position → two students apply → the recruiter
 * proposes three interview times → sv-lan takes the second → both her and the recruiter's mailboxes hold the
 * invitation, its .ics parsed back (VEVENT, UID, SEQUENCE, DTSTART of the time she took) → the recruiter
 * reschedules, she takes the new time → the new .ics in both mailboxes has the same UID and a higher SEQUENCE →
 * the recruiter offers sv-minh with terms, he never answers → an offer to sv-lan is refused (the one position is
 * held) → the interview/offer job runs with a clock past the reply-by day, against the same DynamoDB → sv-minh's
 * offer has expired (his mail says so) → the listing takes the offer to sv-lan → she reads the terms in the
 * confirmation and accepts → the recruiter's accept mail arrives. Always stops the platform and the browser.
 */

const vietnamDay = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** DTSTART of a Vietnam day and time as the .ics writes it (UTC). */
const utcStamp = (day: string, time: string) =>
  `${new Date(`${day}T${time}:00+07:00`).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
const listingTitle = "Thực tập sinh bảo trì dây chuyền đóng gói";
const accounts = { recruiter: "Võ Thị Mai Anh", lan: "Nguyễn Thị Lan", minh: "Trần Quang Minh" };
const mailbox = {
  recruiter: "maianh.vo@demo.ketnoi.vn",
  lan: "lan.nguyen@demo.ketnoi.vn",
  minh: "minh.tran@demo.ketnoi.vn",
};

async function checkPage(page: Page, where: string) {
  const problems = await phoneProblems(page);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join("; ")}`);
}

/** The invitation (METHOD:REQUEST) in a mailbox for the time starting at `dtstart`, with a SEQUENCE above `after`. */
function invitationAt(mailUrl: string, address: string, uid: string | undefined, dtstart: string, after: number) {
  return eventually(`an invitation to ${address} for ${dtstart} with SEQUENCE > ${after}`, async () =>
    (await invitationsTo(mailUrl, address, uid))
      .flatMap((m) => m.events)
      .find((e) => e.method === "REQUEST" && e.dtstart === dtstart && e.sequence > after),
  );
}

async function journey(actors: Actors, mailUrl: string) {
  const { webUrl } = actors;
  let recruiter!: Page;
  let lan!: Page;
  let minh!: Page;
  let listingId = "";
  const card = (name: string) =>
    recruiter.getByRole("listitem").filter({ has: recruiter.getByRole("heading", { name, exact: true }) });
  const myCard = (page: Page) =>
    page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: listingTitle }) });

  await step("recruiter posts and publishes an internship with one position", async () => {
    recruiter = await signedIn(actors, accounts.recruiter);
    await recruiter.goto(`${webUrl}/to-chuc-cua-toi`);
    await recruiter.getByRole("link", { name: "Tin đã đăng" }).first().click();
    await recruiter.getByRole("link", { name: "Tạo tin mới" }).click();
    await recruiter.getByLabel("Tiêu đề (tiếng Việt)").fill(listingTitle);
    await recruiter.getByLabel("Mô tả (tiếng Việt)").fill("Bảo trì dây chuyền đóng gói tự động tại KCN Amata.");
    await recruiter.getByLabel("Số lượng cần tuyển").fill("1");
    await recruiter.getByLabel("Thời gian (tuần)").fill("12");
    await recruiter.getByLabel("Xã/phường").selectOption("p-long-binh");
    await recruiter.getByLabel("Hạn nộp hồ sơ").fill(vietnamDay(60));
    const required = recruiter.getByRole("group", { name: "Kỹ năng cần có" });
    await required.getByLabel("Lọc kỹ năng").fill("lap trinh nhung");
    await required.getByRole("checkbox", { name: "Lập trình nhúng", exact: true }).check();
    await recruiter.getByRole("button", { name: "Lưu bản nháp" }).click();
    await recruiter.waitForURL(/\/tin\/[a-z0-9-]+\/sua\?moi=1$/);
    listingId = new URL(recruiter.url()).pathname.split("/")[2]!;
    await recruiter.getByRole("button", { name: "Lưu và đăng tin" }).click();
    await visible(recruiter.getByText("Đã đăng tin. Sinh viên đã có thể tìm thấy tin này."));
  });

  await step("sv-lan and sv-minh apply", async () => {
    lan = await signedIn(actors, accounts.lan);
    minh = await signedIn(actors, accounts.minh);
    for (const [page, note] of [
      [lan, "Em đã làm đồ án PLC Siemens."],
      [minh, "Em đã thực tập bảo trì 3 tháng."],
    ] as const) {
      await page.goto(`${webUrl}/tin/${listingId}`);
      await page.getByLabel("Lời nhắn cho tổ chức").fill(note);
      await page.getByRole("button", { name: "Nộp hồ sơ" }).click();
      await visible(page.getByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển."));
    }
  });

  await step("recruiter proposes three interview times to sv-lan, in person in Đồng Nai", async () => {
    await recruiter.goto(`${webUrl}/tin/${listingId}/ung-vien`);
    await recruiter.getByRole("button", { name: `Mời phỏng vấn: ${accounts.lan}` }).click();
    await visible(recruiter.getByRole("region", { name: "Phỏng vấn (1)" }).getByText(accounts.lan));
    const lanCard = card(accounts.lan);
    await lanCard.getByRole("button", { name: `Đề xuất lịch phỏng vấn cho ${accounts.lan}` }).click();
    const add = lanCard.getByRole("button", { name: "Thêm khung giờ" });
    await add.click();
    await add.click();
    for (const [index, days, time] of [
      [1, 3, "09:00"],
      [2, 4, "14:30"],
      [3, 5, "10:00"],
    ] as const) {
      const slot = lanCard.getByRole("group", { name: `Khung giờ ${index}` });
      await slot.getByLabel("Ngày (giờ Việt Nam)").fill(vietnamDay(days));
      await slot.getByLabel("Giờ bắt đầu").fill(time);
      await slot.getByLabel("Thời lượng (phút)").fill("45");
    }
    await lanCard.getByLabel("Xã/phường (Đồng Nai)").selectOption("p-long-binh");
    await lanCard.getByLabel("Địa chỉ (số nhà, đường, khu công nghiệp)").fill("Lô 12, KCN Amata");
    await lanCard.getByLabel("Ghi chú cho ứng viên").fill("Mang theo CV bản giấy.");
    await checkPage(recruiter, "interview proposal form");
    await lanCard.getByRole("button", { name: "Gửi lịch đề xuất" }).click();
    await visible(lanCard.getByText("Đang chờ ứng viên chọn giờ"));
  });

  /** sv-lan takes the `nth` time offered on her application page. */
  const lanPicks = async (nth: number, count: number) => {
    await lan.goto(`${webUrl}/ung-tuyen`);
    const choice = myCard(lan).getByRole("group", { name: "Chọn một khung giờ phỏng vấn" });
    await visible(choice);
    await checkPage(lan, "interview choice");
    const times = choice.getByRole("radio");
    if ((await times.count()) !== count) throw new Error(`expected ${count} times, saw ${await times.count()}`);
    await times.nth(nth).check();
    await myCard(lan).getByRole("button", { name: "Xác nhận khung giờ này" }).click();
    await visible(myCard(lan).getByText("Đã chốt lịch", { exact: true }));
  };

  let first!: ParsedEvent;
  let updatedSequence = 0;
  await step("sv-lan takes the second time; both mailboxes hold the invitation with a valid .ics", async () => {
    await lanPicks(1, 3);
    const start = utcStamp(vietnamDay(4), "14:30");
    first = await invitationAt(mailUrl, mailbox.lan, undefined, start, 0);
    const theirs = await invitationAt(mailUrl, mailbox.recruiter, first.uid, start, 0);
    for (const [who, event] of [
      ["sv-lan", first],
      ["the recruiter", theirs],
    ] as const) {
      if (!/^interview-[0-9a-f-]+@ketnoi$/.test(event.uid)) throw new Error(`${who}: no stable UID (${event.uid})`);
      if (event.status !== "CONFIRMED") throw new Error(`${who}: STATUS ${event.status}`);
    }
    if (theirs.sequence !== first.sequence) throw new Error("the two sides got different SEQUENCEs for one change");
  });

  await step(
    "recruiter reschedules; sv-lan takes the new time; both get the update (same UID, higher SEQUENCE)",
    async () => {
      await recruiter.reload();
      const lanCard = card(accounts.lan);
      await visible(lanCard.getByText("Đã chốt lịch", { exact: true }));
      await lanCard.getByRole("button", { name: "Đổi lịch" }).click();
      const slot = lanCard.getByRole("group", { name: "Khung giờ 1" });
      await slot.getByLabel("Ngày (giờ Việt Nam)").fill(vietnamDay(6));
      await slot.getByLabel("Giờ bắt đầu").fill("10:00");
      await slot.getByLabel("Thời lượng (phút)").fill("60");
      await lanCard.getByLabel("Xã/phường (Đồng Nai)").selectOption("p-long-binh");
      await lanCard.getByLabel("Địa chỉ (số nhà, đường, khu công nghiệp)").fill("Lô 12, KCN Amata");
      await lanCard.getByLabel("Lý do").fill("Trưởng bộ phận đi công tác ngày đó.");
      await lanCard.getByRole("button", { name: "Gửi lịch mới" }).click();
      await visible(lanCard.getByText("Đang chờ ứng viên chọn giờ"));
      // Rescheduling gives up the time she held: her calendar is told to drop it (same UID, METHOD:CANCEL).
      await eventually("the cancellation of the first time", async () =>
        (await invitationsTo(mailUrl, mailbox.lan, first.uid))
          .flatMap((m) => m.events)
          .find((e) => e.method === "CANCEL" && e.sequence > first.sequence),
      );
      await lanPicks(0, 1);
      const start = utcStamp(vietnamDay(6), "10:00");
      for (const address of [mailbox.lan, mailbox.recruiter]) {
        const updated = await invitationAt(mailUrl, address, first.uid, start, first.sequence);
        updatedSequence = updated.sequence;
        if (updated.status !== "CONFIRMED") throw new Error(`${address}: the update's STATUS is ${updated.status}`);
      }
    },
  );

  await step("recruiter offers sv-minh with terms; he leaves it unanswered", async () => {
    await recruiter.reload();
    await recruiter.getByRole("button", { name: `Mời phỏng vấn: ${accounts.minh}` }).click();
    // As for sv-lan: the move is done (the board shows him among the interviews) before his card is used; opening
    // the offer form while the board still reloads after the move lost the open form (seen once in CI).
    await visible(recruiter.getByRole("region", { name: "Phỏng vấn (2)" }).getByText(accounts.minh));
    const minhCard = card(accounts.minh);
    await minhCard.getByRole("button", { name: `Gửi lời mời nhận cho ${accounts.minh}` }).click();
    await minhCard.getByLabel("Chế độ chi trả").selectOption("monthly");
    await minhCard.getByLabel("Số tiền (VND)").fill("4500000");
    await minhCard.getByLabel("Ngày bắt đầu").fill(vietnamDay(30));
    // The earliest reply-by day the form allows: today (Vietnam), over at midnight.
    await minhCard.getByLabel("Hạn trả lời (hết ngày)").fill(vietnamDay(0));
    await minhCard.getByRole("button", { name: "Gửi lời mời kèm điều kiện" }).click();
    await visible(minhCard.getByText("Đang chờ trả lời"));
    await eventually("sv-minh's offer mail", async () =>
      (await mailsTo(mailUrl, mailbox.minh)).find((m) => m.subject === "Bạn nhận được lời mời làm việc"),
    );
  });

  /** Fills sv-lan's offer form with the journey's terms and sends it. */
  const offerLan = async () => {
    const lanCard = card(accounts.lan);
    await lanCard.getByRole("button", { name: `Gửi lời mời nhận cho ${accounts.lan}` }).click();
    await lanCard.getByLabel("Chế độ chi trả").selectOption("monthly");
    await lanCard.getByLabel("Số tiền (VND)").fill("5000000");
    await lanCard.getByLabel("Ngày bắt đầu").fill(vietnamDay(30));
    await lanCard.getByLabel("Hạn trả lời (hết ngày)").fill(vietnamDay(7));
    await lanCard.getByLabel("Nơi làm việc").fill("KCN Amata, Biên Hòa");
    await checkPage(recruiter, "offer form");
    await lanCard.getByRole("button", { name: "Gửi lời mời kèm điều kiện" }).click();
  };

  await step("the one position is held: an offer to sv-lan is refused", async () => {
    await recruiter.reload();
    await offerLan();
    await visible(card(accounts.lan).getByText("Tin đã đủ chỉ tiêu", { exact: false }));
  });

  await step("the interview/offer job runs with a clock past the reply-by day: sv-minh's offer expires", async () => {
    // The deploy schedule's handler body, on this process's DynamoDB Local, two days on.
    const report = await runInterviewJobs(new Date(Date.now() + 2 * 86_400_000));
    if (report.expired < 1) throw new Error(`the job expired nothing: ${JSON.stringify(report)}`);
    await eventually("sv-minh's expiry mail", async () =>
      (await mailsTo(mailUrl, mailbox.minh)).find((m) => m.subject === "Lời mời đã hết hạn trả lời"),
    );
    await minh.goto(`${webUrl}/ung-tuyen`);
    await visible(myCard(minh).getByRole("region", { name: "Lời mời nhận việc" }).getByText("Đã hết hạn"));
  });

  await step("the freed position takes the offer to sv-lan", async () => {
    await recruiter.reload();
    await offerLan();
    await visible(recruiter.getByRole("region", { name: "Đã mời (1)" }).getByText(accounts.lan));
    await visible(card(accounts.lan).getByText("Đang chờ trả lời"));
  });

  await step(
    "sv-lan reads the terms in the confirmation and accepts; the recruiter's accept mail arrives",
    async () => {
      await lan.goto(`${webUrl}/ung-tuyen`);
      const offer = myCard(lan).getByRole("region", { name: "Lời mời nhận việc" });
      await visible(offer.getByText(/^Chi trả: 5\.000\.000\s₫\/tháng$/));
      await checkPage(lan, "offer terms");
      await offer.getByRole("button", { name: "Nhận lời mời" }).click();
      const confirm = offer.getByRole("alertdialog");
      await visible(confirm.getByText(/^Chi trả: 5\.000\.000\s₫\/tháng$/));
      await visible(confirm.getByText("Nơi làm việc: KCN Amata, Biên Hòa"));
      await visible(confirm.getByText(/^Trả lời trước hết ngày/));
      await confirm.getByRole("button", { name: "Tôi đồng ý nhận lời" }).click();
      await visible(myCard(lan).getByText("Đã nhận lời", { exact: true }));
      const accepted = await eventually("the recruiter's accept mail", async () =>
        (await mailsTo(mailUrl, mailbox.recruiter)).find((m) => m.subject === "Ứng viên đã nhận lời mời"),
      );
      if (!accepted.text.includes(listingTitle))
        throw new Error(`the accept mail does not name the listing:\n${accepted.text}`);
    },
  );
  return `${first.uid}: SEQUENCE ${first.sequence} → ${updatedSequence} in both mailboxes; offer expired, position freed, accept mail`;
}

await runE2e("Reach E2E", (env) => journey({ webUrl: env.webUrl, newPage: () => phonePage(env) }, env.mailUrl));
