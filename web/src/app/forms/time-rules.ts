import { type TimeProblem, todayInVietnam } from "@ketnoi/core/time";
import type { FieldErrors } from "./validation";

type Translate = (
  key: "time.deadline" | "time.session" | "time.preferencesDeadline",
  vars?: Record<string, string>,
) => string;

/**
 * The core time rules' problems as form errors in the UI language, keyed by the field paths the forms use (the
 * same paths the API names in its 400), so the form says what the API would say before anything is sent.
 */
export function timeErrors(problems: TimeProblem[], t: Translate, now = new Date()): FieldErrors {
  const today = todayInVietnam(now).split("-").reverse().join("/");
  return Object.fromEntries(
    problems.map((problem) => [
      problem.path,
      problem.path === "deadline"
        ? t("time.deadline", { today })
        : problem.path === "preferencesDeadline"
          ? t("time.preferencesDeadline")
          : t("time.session"),
    ]),
  );
}
