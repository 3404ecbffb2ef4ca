import { describe, expect, it } from "vitest";
import { resolveSkills } from "./resolve";

describe("resolveSkills", () => {
  it("resolves a comma, semicolon and newline separated list", () => {
    expect(resolveSkills("Python, Docker; Git\nLinux").ids).toEqual(["python", "docker", "git", "linux"]);
  });

  it("matches Vietnamese typed without diacritics and in any case", () => {
    expect(resolveSkills("lap trinh nhung, TRI TUE NHAN TAO, thiet ke vi mach").ids).toEqual([
      "embedded-c",
      "ai",
      "ic-design",
    ]);
    expect(resolveSkills("Định danh điện tử").ids).toEqual(resolveSkills("dinh danh dien tu").ids);
  });

  it("folds đ to d, which Unicode decomposition does not", () => {
    expect(resolveSkills("Đồ họa").ids).toEqual(["graphic-design"]);
    expect(resolveSkills("do hoa").ids).toEqual(["graphic-design"]);
  });

  it("treats abbreviations and English names as the same skill as the Vietnamese label", () => {
    expect(resolveSkills("AI").ids).toEqual(resolveSkills("trí tuệ nhân tạo").ids);
    expect(resolveSkills("embedded programming").ids).toEqual(resolveSkills("lập trình nhúng").ids);
    expect(resolveSkills("ML, PLC, ATTT, TMĐT, k8s").ids).toEqual([
      "machine-learning",
      "plc",
      "cybersecurity",
      "ecommerce",
      "kubernetes",
    ]);
  });

  it("expands CNTT inside a phrase so both spellings of English for IT resolve", () => {
    expect(resolveSkills("Tiếng Anh CNTT").ids).toEqual(["english-it"]);
    expect(resolveSkills("tieng anh chuyen nganh cong nghe thong tin").ids).toEqual(["english-it"]);
  });

  it("reads symbols that are part of a name: C++, C#, .NET, Node.js, UI/UX", () => {
    expect(resolveSkills("C++, C#, .NET, Node.js, UI/UX").ids).toEqual(["cpp", "csharp", "dotnet", "nodejs", "ui-ux"]);
  });

  it("finds skills inside a phrase, longest name first, skipping connecting words", () => {
    const result = resolveSkills("Em biết lập trình Python và React Native cơ bản");
    expect(result.ids).toEqual(["python", "react-native"]);
    expect(result.unknown).toEqual([]);
  });

  it("returns what it cannot resolve, in the user's spelling, instead of dropping it", () => {
    const result = resolveSkills("Python, Lập trình Scratch, kỹ năng mềm; PLC");
    expect(result.ids).toEqual(["python", "plc"]);
    expect(result.unknown).toEqual(["Scratch", "kỹ năng mềm"]);
  });

  it("reports an input that is entirely unknown as one piece", () => {
    expect(resolveSkills("Nấu ăn ngon")).toEqual({ ids: [], unknown: ["Nấu ăn ngon"], matches: [] });
  });

  it("lists each skill once and tells which text matched it", () => {
    const result = resolveSkills("python, Python 3, py");
    expect(result.ids).toEqual(["python"]);
    expect(result.matches.map((m) => m.text)).toEqual(["python", "Python", "py"]);
  });

  it("accepts decomposed (NFD) Vietnamese input", () => {
    expect(resolveSkills("Lập trình nhúng".normalize("NFD")).ids).toEqual(["embedded-c"]);
  });

  it("returns nothing for empty input", () => {
    expect(resolveSkills("  ,; \n")).toEqual({ ids: [], unknown: [], matches: [] });
  });
});
