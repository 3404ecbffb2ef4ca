import AxeBuilder from "@axe-core/playwright";
import { placementGuarantees } from "@ketnoi/core";
import { pseudonym } from "@ketnoi/functions/data/applicants";
import { candidateIdOf } from "@ketnoi/functions/data/matching";
import { generateDemoData } from "@ketnoi/functions/seed/demo-data";
import type { Locator, Page } from "playwright-core";
import { type Actors, openMenu, phonePage, phoneProblems, runE2e, signedIn, step, visible } from "./browser";

/**
 * A placement round in Chromium, as each role does it (Vietnamese UI, role and label locators only, at 360 px):
 * a school's staff opens a round for its own students → the province opens a round across two universities with
 * three listings, one of them with a single seat → sv-lan (LHU) and sv-minh (DNTU) both rank that listing first →
 * the listing's recruiter finds the round in the organisation's list of rounds (menu → "Phân bổ thực tập" → the
 * organisation's rounds), sees the two applicants counted, and moves sv-lan above sv-minh with the keyboard →
 * the province runs the round → each student sees their outcome and the round's guarantees → sv-lan declines →
 * the province offers the freed seat onwards → sv-minh now has his first choice → sv-lan ranks in her school's
 * round, the school's staff runs it from the web and she sees her seat there.
 * sv-minh studies at DNTU, so a single school's round cannot hold both students: the province's round does.
 * Starts the whole platform in memory on free ports and always stops it and the browser.
 */

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const accounts = {
  province: "Huỳnh Văn Tài",
  staff: "Phạm Thu Hà",
  recruiter: "Võ Thị Mai Anh",
  lan: { name: "Nguyễn Thị Lan", id: "sv-lan" },
  minh: { name: "Trần Quang Minh", id: "sv-minh" },
};

const demo = generateDemoData();
/** A demo listing as the pages name it: "title · organisation" (several firms post the same title). */
function demoListing(listingId: string) {
  const listing = demo.listings.find((l) => l.listingId === listingId);
  const org = demo.organisations.find((o) => o.orgId === listing?.orgId);
  if (!listing || !org || listing.status !== "published") throw new Error(`${listingId} is not a published listing`);
  return { id: listingId, title: listing.title.vi, org: org.name.vi, label: `${listing.title.vi} · ${org.name.vi}` };
}
// The contested listing (1 seat) is Amata Tech's, whose owner is the demo recruiter; sv-minh fits it far better.
const contested = demoListing("amata-tech-intern-embedded");
const lanSecond = demoListing("dong-xanh-software-intern-frontend");
const minhSecond = demoListing("long-duc-iot-intern-iot");
const roundTitle = "Đợt thực tập toàn tỉnh học kỳ 2";
const schoolRoundTitle = "Đợt thực tập của trường học kỳ 2";

/** What the recruiter sees instead of names: the per-listing pseudonym of each student. */
const labelOf = (studentId: string) => pseudonym(candidateIdOf(contested.id, studentId));

/** "YYYY-MM-DDTHH:mm" a number of days from now, as a datetime-local input takes it. */
const localDateTimeIn = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * What a phone user would notice, on each page the journey visits: nothing scrolls sideways at 360 px, every
 * visible form control has a name, and axe (WCAG 2.1 A/AA) finds nothing.
 */
async function checkPage(page: Page, where: string) {
  const problems = await phoneProblems(page);
  // The page's own content: the shell around it is the accessibility gate's (e2e-a11y), and axe runs faster.
  const axe = await new AxeBuilder({ page }).include("main").withTags(wcagTags).analyze();
  for (const violation of axe.violations) {
    problems.push(`axe ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  }
  if (problems.length > 0) throw new Error(`${where}: ${problems.join("; ")}`);
}

/** The placement page from the menu, as the person would open it. */
async function openPlacement(page: Page) {
  await (await openMenu(page)).getByRole("link", { name: "Phân bổ thực tập" }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Đợt phân bổ thực tập" }));
}

/** One round's card on the placement page. */
const roundCard = (page: Page, title: string): Locator =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title }) });

/** Fills the round form: title, deadline a week ahead, and seats for each listing (found through the filter). */
async function fillRoundForm(form: Locator, title: string, seats: Array<[ReturnType<typeof demoListing>, number]>) {
  await form.getByLabel("Tên đợt").fill(title);
  await form.getByLabel("Hạn nộp nguyện vọng").fill(localDateTimeIn(7));
  for (const [listing, count] of seats) {
    await form.getByLabel("Lọc tin theo tên hoặc tổ chức").fill(listing.org);
    await form.getByRole("button", { name: `Thêm “${listing.title}”`, exact: true }).click();
    await form.getByLabel(`Số chỗ: ${listing.label}`, { exact: true }).fill(String(count));
  }
  await form.getByLabel("Lọc tin theo tên hoặc tổ chức").fill("");
}

/** A student adds listings to their choices in this order (the first added is their first choice) and saves. */
async function rank(page: Page, choices: Array<ReturnType<typeof demoListing>>) {
  const card = roundCard(page, roundTitle);
  for (const listing of choices) {
    await card.getByRole("button", { name: `Thêm vào nguyện vọng: ${listing.label}`, exact: true }).click();
  }
  await card.getByRole("button", { name: "Lưu nguyện vọng" }).click();
  await visible(card.getByText("Đã lưu nguyện vọng."));
  return card;
}

async function journey(actors: Actors) {
  let province!: Page;
  let lan!: Page;
  let minh!: Page;

  await step("staff-lhu opens a round for LHU's students from the web", async () => {
    const staff = await signedIn(actors, accounts.staff);
    await openPlacement(staff);
    const form = staff.getByRole("form", { name: "Mở đợt phân bổ" });
    await fillRoundForm(form, schoolRoundTitle, [[lanSecond, 2]]);
    await form.getByRole("button", { name: "Mở đợt phân bổ" }).click();
    await visible(roundCard(staff, schoolRoundTitle).getByText("Đang nhận nguyện vọng"));
    await staff.context().close();
  });

  await step("the province opens a round across LHU and DNTU: 3 listings, one with a single seat", async () => {
    province = await signedIn(actors, accounts.province);
    await openPlacement(province);
    const form = province.getByRole("form", { name: "Mở đợt phân bổ toàn tỉnh" });
    await form.getByRole("checkbox", { name: "Trường Đại học Lạc Hồng", exact: true }).check();
    await form.getByRole("checkbox", { name: "Trường Đại học Công nghệ Đồng Nai", exact: true }).check();
    await fillRoundForm(form, roundTitle, [
      [contested, 1],
      [lanSecond, 1],
      [minhSecond, 1],
    ]);
    await visible(form.getByText("Đã chọn 3 tin."));
    await checkPage(province, "province: open a round");
    await form.getByRole("button", { name: "Mở đợt phân bổ toàn tỉnh" }).click();
    const card = roundCard(province, roundTitle);
    await visible(card.getByText("Toàn tỉnh", { exact: true }));
    await visible(card.getByText(/^Các trường tham gia: .*Trường Đại học Lạc Hồng/));
  });

  await step("sv-lan and sv-minh both put the one-seat listing first", async () => {
    lan = await signedIn(actors, accounts.lan.name);
    await openPlacement(lan);
    // sv-lan adds her second choice first, then moves the contested listing up with its button.
    const card = roundCard(lan, roundTitle);
    await card.getByRole("button", { name: `Thêm vào nguyện vọng: ${lanSecond.label}`, exact: true }).click();
    await card.getByRole("button", { name: `Thêm vào nguyện vọng: ${contested.label}`, exact: true }).click();
    await card.getByRole("button", { name: `Đưa ${contested.label} lên`, exact: true }).click();
    await visible(lan.getByText(`${contested.label} đang ở vị trí 1/2.`));
    await card.getByRole("button", { name: "Lưu nguyện vọng" }).click();
    await visible(card.getByText("Đã lưu nguyện vọng."));
    await checkPage(lan, "student: rank listings");

    minh = await signedIn(actors, accounts.minh.name);
    await openPlacement(minh);
    await rank(minh, [contested, minhSecond]);
  });

  await step("the recruiter finds the round in its organisation's list, puts sv-lan first", async () => {
    const recruiter = await signedIn(actors, accounts.recruiter);
    await openPlacement(recruiter);
    const orgRounds = recruiter.getByRole("region", { name: "Đợt phân bổ có tin của tổ chức bạn" });
    await orgRounds.getByRole("link", { name: `Đợt phân bổ có tin của ${contested.org}`, exact: true }).click();
    await visible(
      recruiter.getByRole("heading", { level: 1, name: `Đợt phân bổ có tin của ${contested.org}`, exact: true }),
    );
    const card = roundCard(recruiter, roundTitle);
    const listings = card.getByRole("list", { name: "Tin của tổ chức bạn trong đợt" });
    // Only the organisation's own listing of the province's three, with both students who chose it.
    await visible(listings.getByText(contested.title, { exact: true }));
    if ((await listings.getByRole("listitem").count()) !== 1) throw new Error("another organisation's listing shown");
    await visible(listings.getByText("Số chỗ: 1 · Số sinh viên chọn: 2"));
    await visible(listings.getByText("Thứ tự tự động"));
    await checkPage(recruiter, "organisation: its placement rounds");
    await listings.getByRole("link", { name: `Xếp hạng ứng viên: ${contested.title}`, exact: true }).click();
    await visible(recruiter.getByRole("heading", { level: 1, name: "Xếp hạng ứng viên trong đợt phân bổ" }));
    const order = recruiter.getByRole("list", { name: "Thứ tự ưu tiên" });
    // The automatic order ranks sv-minh first: he fits the embedded internship far better.
    await visible(order.getByRole("listitem").first().getByText(labelOf(accounts.minh.id)));
    await checkPage(recruiter, "organisation: rank applicants");
    const up = recruiter.getByRole("button", { name: `Đưa ${labelOf(accounts.lan.id)} lên`, exact: true });
    await up.focus();
    await recruiter.keyboard.press("Enter");
    await visible(recruiter.getByText(`${labelOf(accounts.lan.id)} đang ở vị trí 1/2.`));
    await visible(order.getByRole("listitem").first().getByText(labelOf(accounts.lan.id)));
    // At the top her "up" button is disabled: the keyboard focus moved to her "down" button, not to the page.
    const focused = await recruiter.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    if (focused !== `Đưa ${labelOf(accounts.lan.id)} xuống`) throw new Error(`focus went to "${focused}"`);
    await recruiter.getByRole("button", { name: "Lưu thứ tự" }).focus();
    await recruiter.keyboard.press("Enter");
    await visible(recruiter.getByText("Đã lưu thứ tự. Khi chạy phân bổ, hệ thống sẽ dùng thứ tự này."));
    await visible(recruiter.getByText("Thứ tự do tổ chức của bạn sắp xếp"));
    // Back on the organisation's list, the listing now says its order is the organisation's own.
    await recruiter.getByRole("link", { name: "Về các đợt phân bổ của tổ chức" }).click();
    await visible(listings.getByText("Thứ tự do tổ chức sắp xếp"));
    await recruiter.context().close();
  });

  await step("the province runs the round and sees a stable result", async () => {
    await province.reload();
    const card = roundCard(province, roundTitle);
    await card.getByRole("button", { name: "Chạy phân bổ" }).click();
    // Its deadline is a week ahead: the owner reads that students still ranking lose their chance, and confirms.
    await visible(card.getByRole("alertdialog").getByText(/^Hạn xếp nguyện vọng .* chưa đến/));
    await card.getByRole("button", { name: "Vẫn chạy sớm" }).click();
    await visible(card.getByText("Đã chạy phân bổ: 2 sinh viên được xếp chỗ, 0 chưa có chỗ."));
    await visible(card.getByText("Kết quả ổn định (đã kiểm tra độc lập)."));
    const table = card.getByRole("table", { name: "Kết quả phân bổ" });
    // The round's owner sees students by name (placement results name students only to the owner).
    await visible(table.getByRole("row", { name: new RegExp(`${accounts.lan.name} .*${contested.title}`) }));
  });

  await step("each student sees their outcome and what the round guarantees", async () => {
    const stableIsNotFirstChoice = placementGuarantees.vi.points.find((p) => p.startsWith("Ổn định không"))!;
    await lan.reload();
    const lanCard = roundCard(lan, roundTitle);
    await visible(lanCard.getByText(`Bạn được xếp vào: ${contested.label} (nguyện vọng 1).`));
    await visible(lanCard.getByText(stableIsNotFirstChoice));
    await minh.reload();
    const minhCard = roundCard(minh, roundTitle);
    await visible(minhCard.getByText(`Bạn được xếp vào: ${minhSecond.label} (nguyện vọng 2).`));
    await visible(minhCard.getByText(placementGuarantees.vi.title));
    await visible(minhCard.getByText(stableIsNotFirstChoice));
  });

  await step("sv-lan declines her seat", async () => {
    const card = roundCard(lan, roundTitle);
    await card.getByRole("button", { name: "Từ chối chỗ" }).click();
    await visible(card.getByText("Bạn đã từ chối chỗ này."));
  });

  await step("the province offers the declined seat onwards; sv-minh now has his first choice", async () => {
    await province.reload();
    const card = roundCard(province, roundTitle);
    const declined = card.getByRole("region", { name: "Có 1 chỗ bị từ chối" });
    await visible(declined.getByText(/Không ai \(trừ người đã từ chối\) bị chuyển sang nơi mình thích ít hơn/));
    await checkPage(province, "province: the result with a declined seat");
    await declined.getByRole("button", { name: "Mời người kế tiếp vào chỗ bị từ chối" }).click();
    await visible(card.getByText("Đã mời người kế tiếp: 1 sinh viên được xếp chỗ mới."));
    await visible(card.getByText("Đã mời người kế tiếp vào 1 chỗ bị từ chối."));

    await minh.reload();
    await visible(roundCard(minh, roundTitle).getByText(`Bạn được xếp vào: ${contested.label} (nguyện vọng 1).`));
  });

  await step("sv-lan ranks in her school's round; staff-lhu runs it from the web and she sees her seat", async () => {
    await lan.reload();
    const lanCard = roundCard(lan, schoolRoundTitle);
    await lanCard.getByRole("button", { name: `Thêm vào nguyện vọng: ${lanSecond.label}`, exact: true }).click();
    await lanCard.getByRole("button", { name: "Lưu nguyện vọng" }).click();
    await visible(lanCard.getByText("Đã lưu nguyện vọng."));

    const staff = await signedIn(actors, accounts.staff);
    await openPlacement(staff);
    const card = roundCard(staff, schoolRoundTitle);
    await card.getByRole("button", { name: "Chạy phân bổ" }).click();
    await card.getByRole("button", { name: "Vẫn chạy sớm" }).click();
    await visible(card.getByText(/^Đã chạy phân bổ: 1 sinh viên được xếp chỗ/));
    await visible(card.getByText("Kết quả ổn định (đã kiểm tra độc lập)."));
    await checkPage(staff, "school staff: the result of the school's round");
    await staff.context().close();

    await lan.reload();
    await visible(roundCard(lan, schoolRoundTitle).getByText(`Bạn được xếp vào: ${lanSecond.label} (nguyện vọng 1).`));
  });
}

// One context per person: each keeps its own session, as on separate phones.
await runE2e("Placement E2E", (env) => journey({ webUrl: env.webUrl, newPage: () => phonePage(env) }));
