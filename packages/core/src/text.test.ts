import { describe, expect, it } from "vitest";
import { foldVietnamese, tokenize } from "./text";

describe("foldVietnamese", () => {
  it("removes diacritics and case so unaccented input matches", () => {
    expect(foldVietnamese("Lập trình nhúng")).toBe(foldVietnamese("lap trinh nhung"));
  });
  it("folds đ and Đ to d, which NFD alone does not", () => {
    expect(foldVietnamese("Đồng Nai đổi mới")).toBe("dong nai doi moi");
  });
  it("collapses whitespace", () => {
    expect(foldVietnamese("  Biên   Hòa ")).toBe("bien hoa");
  });
});

describe("tokenize", () => {
  it("splits on punctuation after folding", () => {
    expect(tokenize("Kỹ sư AI/ML, Long Thành")).toEqual(["ky", "su", "ai", "ml", "long", "thanh"]);
  });
});
