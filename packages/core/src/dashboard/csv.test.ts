import { describe, expect, it } from "vitest";
import { csvField, toCsv, utf8Bom } from "./csv";

describe("toCsv", () => {
  it("starts with the UTF-8 byte-order mark and keeps Vietnamese text intact in UTF-8", () => {
    const csv = toCsv([
      ["Lĩnh vực", "Số sinh viên"],
      ["Bán dẫn và vi mạch", 12],
    ]);
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith(utf8Bom)).toBe(true);
    expect(bytes.toString("utf8").slice(1)).toBe("Lĩnh vực,Số sinh viên\r\nBán dẫn và vi mạch,12\r\n");
  });

  it("quotes commas, quotes and line breaks, and leaves empty values empty", () => {
    expect(csvField('Trường "A", Biên Hòa')).toBe('"Trường ""A"", Biên Hòa"');
    expect(csvField("hai\ndòng")).toBe('"hai\ndòng"');
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField("<5")).toBe("<5");
  });

  it("defuses text a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe("-3");
  });
});
