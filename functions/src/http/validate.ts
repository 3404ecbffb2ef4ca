import type { ValidationTargets } from "hono";
import { validator } from "hono-openapi";
import type { GenericSchema } from "valibot";
import { AppError } from "./errors";

/**
 * Validates one part of the request with a core valibot schema and documents it in OpenAPI.
 * Failures become a 400 `validation_failed` listing each problem's path and message.
 */
export function validate<T extends keyof ValidationTargets, S extends GenericSchema>(target: T, schema: S) {
  return validator(target, schema, (result) => {
    if (!result.success) {
      const details = result.error.map((issue) => ({
        path: (issue.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join("."),
        message: issue.message,
      }));
      throw new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", details);
    }
  });
}

/**
 * A 400 `validation_failed` for problems found after the schema (time rules, say), in the same shape as schema
 * failures, so the web shows each message beside its field.
 */
export function refuseProblems(problems: ReadonlyArray<{ path: string; message: string }>): void {
  if (problems.length > 0) throw new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", problems);
}
