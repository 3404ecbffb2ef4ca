import * as v from "valibot";
import type { ApiError } from "../api/client";
import type { SharedKey } from "../i18n/shared";

/** Field path (as valibot writes it, e.g. `name.vi` or `sessions.0.seats`) → the message to show under it. */
export type FieldErrors = Record<string, string>;

type Translate = (key: SharedKey, params?: Record<string, string | number>) => string;

/** A valibot issue's path as a dotted string; "" for issues about the whole value. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join(".");
}

const isEmpty = (input: unknown) => input === undefined || input === null || input === "";

/**
 * Explains one issue in the user's language. The schema's own messages are Vietnamese-only and written for the
 * API, so the explanation comes from the issue's kind and requirement instead.
 */
export function explainIssue(issue: v.BaseIssue<unknown>, t: Translate): string {
  const requirement = (issue as { requirement?: unknown }).requirement;
  const count = typeof requirement === "number" ? requirement : 0;
  const text = typeof issue.input === "string";
  if (isEmpty(issue.input)) return t(issue.type === "picklist" ? "form.error.choose" : "form.error.required");
  switch (issue.type) {
    case "picklist":
      return t("form.error.invalid");
    case "number":
      return t("form.error.number");
    case "min_length":
      if (text) return count <= 1 ? t("form.error.required") : t("form.error.minLength", { count });
      return t("form.error.minItems", { count });
    case "max_length":
      return t(text ? "form.error.maxLength" : "form.error.maxItems", { count });
    case "min_value":
      return t("form.error.minValue", { count: String(requirement) });
    case "max_value":
      return t("form.error.maxValue", { count: String(requirement) });
    case "integer":
      return t("form.error.integer");
    case "email":
      return t("form.error.email");
    case "url":
      return t("form.error.url");
    case "starts_with":
      return t("form.error.https");
    case "iso_date":
      return t("form.error.date");
    case "regex":
      // The only pattern a person types is a session's start time; ids are generated, never typed.
      return t(issuePath(issue).endsWith("startTime") ? "form.error.time" : "form.error.format");
    default:
      return t("form.error.invalid");
  }
}

/**
 * Where a schema-level check belongs, and what to say: `check` issues carry no field path of their own.
 * Keyed by the check's path ("" for the object itself).
 */
export type CheckPlacement = Record<string, { field: string; message: string }>;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Validates form input with the same core schema the API uses, turning issues into one message per field.
 * @example const result = validateWith(OrganisationCreateSchema, draft, t); if (!result.ok) setErrors(result.errors);
 */
export function validateWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  t: Translate,
  checks: CheckPlacement = {},
): Validation<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const errors: FieldErrors = {};
  for (const issue of result.issues) {
    const path = issuePath(issue);
    const placed = issue.type === "check" ? checks[path] : undefined;
    const field = placed?.field ?? path;
    errors[field] ??= placed?.message ?? explainIssue(issue, t);
  }
  return { ok: false, errors };
}

/** The API's own field errors (a 400 the form did not predict), keyed like the form's. */
export function apiFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of error.details ?? []) errors[detail.path] ??= detail.message;
  return errors;
}

/**
 * Moves focus to the first field marked invalid, after Solid has rendered the errors, so keyboard and screen
 * reader users land on what to fix (its message is linked with aria-describedby).
 */
export function focusFirstError(form: HTMLElement | undefined) {
  queueMicrotask(() => {
    // data-invalid marks an error about a group (e.g. "add a session") that has no input of its own to focus.
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]') ??
      form?.querySelector<HTMLElement>(".error-summary");
    target?.focus();
  });
}
