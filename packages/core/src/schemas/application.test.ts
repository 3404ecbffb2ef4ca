import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ApplicationBulkTransitionSchema, ApplicationTransitionSchema, answerIssues } from "./application";
import { BookingCreateSchema } from "./booking";
import { ListingPatchSchema } from "./listing";

const questions = [
  { id: "q1", vi: "Vì sao?" },
  { id: "q2", vi: "Khi nào bắt đầu được?" },
];

describe("application schemas", () => {
  it("checks answers against the listing's questions, naming the field", () => {
    expect(
      answerIssues(questions, [
        { questionId: "q1", text: "a" },
        { questionId: "q2", text: "b" },
      ]),
    ).toEqual([]);
    expect(answerIssues(questions, [{ questionId: "q1", text: "a" }])).toEqual([
      { path: "answers", message: "Chưa trả lời câu hỏi q2" },
    ]);
    expect(answerIssues([], [{ questionId: "q7", text: "a" }]).map((i) => i.path)).toEqual(["answers.0.questionId"]);
  });

  it("requires a reason to reject, on single and bulk moves", () => {
    const issue = v.safeParse(ApplicationTransitionSchema, { to: "rejected", version: 1 }).issues?.[0];
    expect(issue?.path?.[0]?.key).toBe("reason");
    expect(v.safeParse(ApplicationTransitionSchema, { to: "rejected", reason: "Đã đủ", version: 1 }).success).toBe(
      true,
    );
    expect(v.safeParse(ApplicationBulkTransitionSchema, { applicationIds: ["a1"], to: "rejected" }).success).toBe(
      false,
    );
  });

  it("refuses duplicate ids in a bulk move and duplicate question ids on a listing", () => {
    expect(
      v.safeParse(ApplicationBulkTransitionSchema, { applicationIds: ["a1", "a1"], to: "reviewing" }).success,
    ).toBe(false);
    const patch = { version: 1, questions: [questions[0], questions[0]] };
    expect(v.safeParse(ListingPatchSchema, patch).success).toBe(false);
    expect(v.safeParse(ListingPatchSchema, { version: 1, questions }).success).toBe(true);
  });

  it("books one seat with an empty body, or a class with a label and a seat count", () => {
    expect(v.safeParse(BookingCreateSchema, {}).success).toBe(true);
    expect(v.safeParse(BookingCreateSchema, { seats: 3 }).success).toBe(false);
    const classBooking = { orgId: "uni-lhu", classLabel: "K22", seats: 30 };
    expect(v.safeParse(BookingCreateSchema, { classBooking }).success).toBe(true);
  });
});
