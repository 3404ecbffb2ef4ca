import { screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../../test/helpers";
import { placeLine, useFormat } from "./format";
import { useCatalog } from "./i18n/i18n";
import { sharedMessages } from "./i18n/shared";

function Sample() {
  const fmt = useFormat();
  const { t } = useCatalog(sharedMessages);
  return (
    <ul>
      <li>{fmt.number(88.6)}</li>
      <li>{fmt.percent(0.69)}</li>
      <li>{fmt.date("2027-03-31")}</li>
      <li>{fmt.dateTime("2027-02-04T07:00:00.000Z")}</li>
      <li>{fmt.localDateTime("2027-02-04", "14:00")}</li>
      <li>{t("notifications.count", { count: 1240 })}</li>
    </ul>
  );
}

const items = () => screen.getAllByRole("listitem").map((li) => li.textContent?.replace(/\s/g, " "));

describe("the web's formatting module", () => {
  it("writes numbers, percentages, dates and Vietnam times the Vietnamese way", () => {
    renderWithI18n(() => <Sample />);
    const [number, percent, date, dateTime, local, message] = items();
    expect(number).toBe("88,6");
    expect(percent).toMatch(/^69\s?%$/);
    expect([date, dateTime, local]).toEqual(["31/03/2027", "14:00 04/02/2027", "14:00 04/02/2027"]);
    // Numbers inside messages are written by the same rules.
    expect(message).toContain("1.240");
  });

  it("follows the reader's language: English", () => {
    renderWithI18n(() => <Sample />, "en");
    const [number, percent, date, dateTime, local, message] = items();
    expect([number, percent, date, dateTime, local]).toEqual([
      "88.6",
      "69%",
      "31/03/2027",
      "04/02/2027, 14:00",
      "04/02/2027, 14:00",
    ]);
    expect(message).toContain("1,240");
  });

  it("names the park and commune after an address only when the address does not already", () => {
    expect(placeLine("Số 10 Huỳnh Văn Nghệ, phường Trấn Biên, tỉnh Đồng Nai", [undefined, "Phường Trấn Biên"])).toBe(
      "Số 10 Huỳnh Văn Nghệ, phường Trấn Biên, tỉnh Đồng Nai",
    );
    expect(placeLine("Lô A2", ["KCN Amata", "Phường Long Bình"])).toBe("Lô A2, KCN Amata, Phường Long Bình");
    expect(placeLine("", ["KCN Amata"])).toBe("KCN Amata");
  });
});
