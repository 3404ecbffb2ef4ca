import { describe, expect, it } from "vitest";
import { rewriteAppErrors } from "./app-error";

describe("the AppError codemod", () => {
  it("drops the status, and a message equal to the catalogue's default, and is idempotent", () => {
    const before = [
      'throw new AppError("not_found", 404, "Không tìm thấy tin.");',
      'throw new AppError("database_unavailable", 503, "Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.");',
      'throw new AppError(\n  "capacity_full",\n  409,\n  `Chỉ còn vài chỗ.`,\n  { seatsLeft: n },\n);',
      'throw new AppError("forbidden", 403, "Bạn không có quyền làm việc này.", { why: 1 });',
      "throw new AppError(verdict.code, 422, verdict.message);",
      'throw new AppError("forbidden", status, "Không.");',
    ].join("\n");
    const after = rewriteAppErrors(before);
    expect(after.split("\n")).toEqual(
      [
        'throw new AppError("not_found", "Không tìm thấy tin.");',
        'throw new AppError("database_unavailable");',
        'throw new AppError(\n  "capacity_full",\n  `Chỉ còn vài chỗ.`,\n  { seatsLeft: n },\n);'.split("\n"),
        // A message with details stays: dropping it would move the details into the message's place.
        'throw new AppError("forbidden", "Bạn không có quyền làm việc này.", { why: 1 });',
        "throw new AppError(verdict.code, verdict.message);",
        // A status in a variable is not guessed at: the type still checks it against the catalogue.
        'throw new AppError("forbidden", status, "Không.");',
      ].flat(),
    );
    expect(rewriteAppErrors(after)).toBe(after);
  });

  it("leaves the new forms and other constructors alone", () => {
    const source = [
      'new AppError("validation_failed", "Sai.", [{ path: "a", message: "b" }]);',
      'new AppError("not_found");',
      'new OtherError("x", 404, "y");',
    ].join("\n");
    expect(rewriteAppErrors(source)).toBe(source);
    const kept = '// codemod:app-error keep\nnew AppError("not_found", 404, "x");';
    expect(rewriteAppErrors(kept)).toBe(kept);
  });
});
