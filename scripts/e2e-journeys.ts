import type { Locator, Page } from "playwright-core";
import { type Actors, type E2eEnvironment, phonePage, runE2e, signedIn, step, visible, watchErrors } from "./browser";

/**
 * Every journey twice (issue 12), in Chromium with the Vietnamese UI: each role does its main job, edits it,
 * reloads, and checks that every stored field survived — the student profile (also typed in decomposed Unicode),
 * the organisation profile, a lab visit with sessions, a province target and a placement round. Past dates are
 * refused before anything is sent, running a round early asks first, and dates show as Vietnamese dates.
 * Starts the whole platform in memory on free ports and always stops it and the browser.
 */

const accounts = {
  lan: "Nguyễn Thị Lan",
  recruiter: "Võ Thị Mai Anh",
  staff: "Phạm Thu Hà",
  province: "Huỳnh Văn Tài",
};

/** A date `days` from now as YYYY-MM-DD (a week's margin makes the time zone irrelevant). */
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The same date as the Vietnamese UI writes it: dd/mm/yyyy. */
const viDate = (iso: string) => iso.split("-").reverse().join("/");

/** Every value of the form's inputs, selects and checked boxes, by name: what must survive a save and a reload. */
function formValues(form: Locator): Promise<Record<string, string>> {
  return form.evaluate((element) => {
    const values: Record<string, string> = {};
    for (const control of (element as HTMLFormElement).elements) {
      const input = control as HTMLInputElement;
      if (!input.name || input.type === "submit" || input.type === "button") continue;
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) values[`${input.name}=${input.value}`] = "on";
      } else values[input.name] = input.value;
    }
    return values;
  });
}

function sameValues(where: string, before: Record<string, string>, after: Record<string, string>) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const differences = [...keys].filter((key) => before[key] !== after[key]);
  if (differences.length > 0) {
    throw new Error(
      `${where}: ${differences.map((k) => `${k}: ${JSON.stringify(before[k])} → ${JSON.stringify(after[k])}`).join("; ")}`,
    );
  }
}

async function desktopPage(env: E2eEnvironment): Promise<Page> {
  const context = await env.browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
  return watchErrors(await context.newPage(), env);
}

/** The student profile form, once it is filled from the stored profile (the school is never left on "— Chọn —"). */
async function profileForm(page: Page, webUrl: string): Promise<Locator> {
  await page.goto(`${webUrl}/ho-so`);
  const form = page.locator("form").filter({ has: page.getByLabel("Họ và tên") });
  await visible(form);
  await page.waitForFunction(() => (document.querySelector("#f-universityId") as HTMLSelectElement | null)?.value);
  return form;
}

async function studentTwice(actors: Actors) {
  const page = await signedIn(actors, accounts.lan);
  const { webUrl } = actors;
  let stored: Record<string, string> = {};

  await step("sv-lan opens her profile: filled with what is stored; an untouched save keeps every field", async () => {
    const form = await profileForm(page, webUrl);
    stored = await formValues(form);
    for (const name of ["universityId", "major", "year"]) if (!stored[name]) throw new Error(`${name} is empty`);
    if (!Object.keys(stored).some((k) => k.startsWith("reachableCommunes="))) throw new Error("no commune shown");
    await form.getByRole("button", { name: "Lưu", exact: true }).click();
    await visible(page.getByText("Đã lưu hồ sơ."));
    sameValues("after an untouched save and reload", stored, await formValues(await profileForm(page, webUrl)));
  });

  await step("first edit: a later availability date; reload; it and every other field survived", async () => {
    const form = await profileForm(page, webUrl);
    await form.getByLabel(/^Đến ngày/).fill(dateIn(200));
    stored = await formValues(form);
    await form.getByRole("button", { name: "Lưu", exact: true }).click();
    await visible(page.getByText("Đã lưu hồ sơ."));
    sameValues("after the first edit", stored, await formValues(await profileForm(page, webUrl)));
  });

  await step("second edit: her name typed in decomposed Unicode (NFD) is stored composed (NFC)", async () => {
    const form = await profileForm(page, webUrl);
    const decomposed = `  ${accounts.lan.normalize("NFD")} `;
    await form.getByLabel(/^Họ và tên/).fill(decomposed);
    await form.getByRole("button", { name: "Lưu", exact: true }).click();
    await visible(page.getByText("Đã lưu hồ sơ."));
    const after = await formValues(await profileForm(page, webUrl));
    if (after.fullName !== accounts.lan.normalize("NFC"))
      throw new Error(`name stored as ${JSON.stringify(after.fullName)}`);
    sameValues("after the second edit", { ...stored, fullName: accounts.lan }, after);
  });
  await page.context().close();
}

async function organisationTwice(recruiter: Page, webUrl: string) {
  // The demo recruiter owns Amata Tech (functions/src/seed/demo-data.ts).
  const orgUrl = `${webUrl}/to-chuc/amata-tech`;
  await recruiter.goto(orgUrl);
  const editForm = async () => {
    await recruiter.goto(orgUrl);
    await recruiter.getByRole("button", { name: "Sửa hồ sơ" }).click();
    const form = recruiter.locator("form").filter({ has: recruiter.getByLabel(/^Địa chỉ/) });
    await visible(form);
    return form;
  };
  for (const [round, address] of [
    [1, "Lô 12, đường số 3"],
    [2, "Lô 14, đường số 5"],
  ] as const) {
    await step(`recruiter edits the organisation (${round}/2); reload; every field survived`, async () => {
      const form = await editForm();
      const before = await formValues(form);
      if (!before.communeId) throw new Error("the organisation form opened without its commune");
      await form.getByLabel(/^Địa chỉ/).fill(address);
      await form.getByRole("button", { name: "Lưu", exact: true }).click();
      await visible(recruiter.getByText(address, { exact: false }));
      sameValues(`organisation edit ${round}`, { ...before, address }, await formValues(await editForm()));
    });
  }
}

async function visitTwice(recruiter: Page, webUrl: string) {
  const orgId = "amata-tech";
  let editUrl = "";
  await step(
    "recruiter drafts a lab visit: a past deadline and a past session are refused before sending",
    async () => {
      await recruiter.goto(`${webUrl}/to-chuc/${orgId}/tin/moi`);
      await recruiter.getByLabel(/^Loại tin/).selectOption("visit");
      await recruiter.getByLabel(/^Tiêu đề \(tiếng Việt\)/).fill("Tham quan phòng sạch hai lần");
      await recruiter.getByLabel(/^Mô tả \(tiếng Việt\)/).fill("Tham quan dây chuyền đóng gói vi mạch.");
      await recruiter.getByLabel(/^Xã\/phường/).selectOption({ index: 1 });
      await recruiter.getByLabel(/^Hạn nộp hồ sơ/).fill("2024-01-15");
      await recruiter.getByRole("button", { name: "Thêm buổi" }).click();
      const first = recruiter.getByRole("group", { name: "Buổi 1" });
      await first.getByLabel(/^Ngày/).fill("2025-01-10");
      await first.getByLabel(/^Giờ bắt đầu/).fill("09:00");
      await first.getByLabel(/^Nơi tập trung/).fill("Cổng A");
      await first.getByLabel(/^Số chỗ/).fill("20");
      await recruiter.getByRole("button", { name: "Lưu bản nháp" }).click();
      await visible(recruiter.getByText(/Hạn nộp đã qua: hãy chọn từ hôm nay \(\d\d\/\d\d\/\d{4}\) trở đi\./));
      await visible(recruiter.getByText("Buổi này đã bắt đầu hoặc đã qua: hãy chọn thời gian sắp tới."));

      await recruiter.getByLabel(/^Hạn nộp hồ sơ/).fill(dateIn(30));
      await first.getByLabel(/^Ngày/).fill(dateIn(40));
      await recruiter.getByRole("button", { name: "Thêm buổi" }).click();
      const second = recruiter.getByRole("group", { name: "Buổi 2" });
      await second.getByLabel(/^Ngày/).fill(dateIn(41));
      await second.getByLabel(/^Giờ bắt đầu/).fill("14:00");
      await second.getByLabel(/^Nơi tập trung/).fill("Cổng B");
      await second.getByLabel(/^Số chỗ/).fill("15");
      await recruiter.getByRole("button", { name: "Lưu bản nháp" }).click();
      await recruiter.waitForURL(/\/tin\/[^/]+\/sua/);
      editUrl = recruiter.url().split("?")[0]!;
    },
  );

  const editor = async () => {
    await recruiter.goto(editUrl);
    const form = recruiter.locator("form").filter({ has: recruiter.getByLabel(/^Hạn nộp hồ sơ/) });
    await visible(form.getByRole("group", { name: "Buổi 2" }));
    return form;
  };
  for (const [round, place] of [
    [1, "Sảnh chính, tòa nhà R&D"],
    [2, "Phòng họp tầng 2"],
  ] as const) {
    await step(
      `recruiter edits the visit's first session (${round}/2); reload; every field and session survived`,
      async () => {
        const form = await editor();
        await form
          .getByRole("group", { name: "Buổi 1" })
          .getByLabel(/^Nơi tập trung/)
          .fill(place);
        const before = await formValues(form);
        await form.getByRole("button", { name: "Lưu thay đổi" }).click();
        await visible(recruiter.getByText("Đã lưu thay đổi."));
        sameValues(`visit edit ${round}`, before, await formValues(await editor()));
      },
    );
  }

  await step("recruiter publishes it; students see the Vietnamese deadline date", async () => {
    const form = await editor();
    await form.getByRole("button", { name: /^Lưu và đăng tin/ }).click();
    await visible(recruiter.getByText("Đã đăng tin. Sinh viên đã có thể tìm thấy tin này."));
    await recruiter.goto(editUrl.replace(/\/sua$/, ""));
    await visible(recruiter.getByText(viDate(dateIn(30))));
  });
}

async function targetTwice(env: E2eEnvironment, actors: Actors) {
  const page = await signedIn({ ...actors, newPage: () => desktopPage(env) }, accounts.province);
  const url = `${actors.webUrl}/bang-dieu-khien/chi-tieu`;
  const firstForm = async () => {
    await page.goto(url);
    const form = page.locator("form.panel").first();
    await visible(form.getByLabel("Thực tập (số SV được nhận)"));
    return form;
  };
  for (const [round, count] of [
    [1, "140"],
    [2, "165"],
  ] as const) {
    await step(`province sets a target (${round}/2); reload; every count survived`, async () => {
      const form = await firstForm();
      await form.getByLabel("Thực tập (số SV được nhận)").fill(count);
      const before = await formValues(form);
      const counts = await form
        .locator("input[type=number]")
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      await form.getByRole("button", { name: /^Lưu chỉ tiêu/ }).click();
      await visible(form.getByText(/^Đã lưu chỉ tiêu .* \(phiên bản \d+\)\.$/));
      const again = await firstForm();
      const after = await again
        .locator("input[type=number]")
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      if (JSON.stringify(after) !== JSON.stringify(counts)) throw new Error(`targets ${counts} → ${after}`);
      sameValues(`target edit ${round}`, before, await formValues(again));
    });
  }
  await page.context().close();
}

async function roundTwice(actors: Actors) {
  const staff = await signedIn(actors, accounts.staff);
  await staff.goto(`${actors.webUrl}/phan-bo`);
  const form = staff.getByRole("form", { name: "Mở đợt phân bổ" });
  await step("staff-lhu: a ranking deadline in the past is refused before sending", async () => {
    await form.getByLabel("Tên đợt").fill("Đợt hè hai lần");
    await form.getByLabel("Hạn nộp nguyện vọng").fill("2025-06-01T09:00");
    await form
      .getByRole("button", { name: /^Thêm “/ })
      .first()
      .click();
    await form.getByRole("button", { name: "Mở đợt phân bổ" }).click();
    await visible(form.getByText("Hạn xếp nguyện vọng phải ở sau thời điểm hiện tại."));
  });
  for (const title of ["Đợt hè hai lần", "Đợt thu hai lần"]) {
    await step(
      `staff-lhu opens “${title}”: a success message, then the card with its deadline; reload keeps it`,
      async () => {
        await form.getByLabel("Tên đợt").fill(title);
        await form.getByLabel("Hạn nộp nguyện vọng").fill(`${dateIn(10)}T09:00`);
        if ((await form.getByLabel(/^Số chỗ:/).count()) === 0)
          await form
            .getByRole("button", { name: /^Thêm “/ })
            .first()
            .click();
        await form.getByRole("button", { name: "Mở đợt phân bổ" }).click();
        await visible(form.getByText(`Đã mở đợt phân bổ “${title}”.`));
        await staff.reload();
        const card = staff.getByRole("listitem").filter({ has: staff.getByRole("heading", { level: 2, name: title }) });
        await visible(card.getByText(`Hạn nộp nguyện vọng: 09:00 ${viDate(dateIn(10))}`));
        await visible(card.getByText("Đang nhận nguyện vọng"));
      },
    );
  }
  await step("staff-lhu: running before the deadline states the consequence and can be cancelled", async () => {
    const card = staff
      .getByRole("listitem")
      .filter({ has: staff.getByRole("heading", { level: 2, name: "Đợt thu hai lần" }) });
    await card.getByRole("button", { name: "Chạy phân bổ" }).click();
    await visible(card.getByRole("alertdialog").getByText(/sinh viên chưa xếp sẽ mất lượt/));
    await card.getByRole("button", { name: "Hủy" }).click();
    await staff.reload();
    await visible(card.getByText("Đang nhận nguyện vọng"));
  });
  await staff.context().close();
}

async function journey(env: E2eEnvironment) {
  const actors: Actors = { webUrl: env.webUrl, newPage: () => phonePage(env) };
  await studentTwice(actors);
  const recruiter = await signedIn({ ...actors, newPage: () => desktopPage(env) }, accounts.recruiter);
  await organisationTwice(recruiter, env.webUrl);
  await visitTwice(recruiter, env.webUrl);
  await recruiter.context().close();
  await targetTwice(env, actors);
  await roundTwice(actors);
  return "profile, organisation, visit, target and round each saved twice and reloaded";
}

await runE2e("Journeys E2E", journey);
