import type { ErrorBody } from "@ketnoi/core";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Stable error codes clients can rely on. */
export type ErrorCode =
  | "validation_failed"
  | "invalid_json"
  | "unauthenticated"
  | "account_erased"
  | "forbidden"
  | "mfa_required"
  | "organisation_unverified"
  | "organisation_inactive"
  | "not_found"
  | "version_conflict"
  | "already_exists"
  | "invalid_transition"
  | "listing_closed"
  | "deadline_passed"
  | "session_past"
  | "wrong_listing_type"
  | "profile_required"
  | "already_applied"
  | "not_in_interview_stage"
  | "interview_exists"
  | "slot_taken"
  | "slot_past"
  | "not_scheduled"
  | "offer_expired"
  | "already_booked"
  | "capacity_full"
  | "last_owner"
  | "role_mismatch"
  | "invitation_expired"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "idempotency_key_reused"
  | "idempotency_in_progress"
  | "saved_search_limit"
  | "round_closed"
  | "not_assigned"
  | "already_responded"
  | "round_not_run"
  | "round_too_large"
  | "thread_closed"
  | "search_unavailable"
  // CV files (routes/files.ts): a fourth file, an upload that is not an acceptable PDF, a download without consent.
  | "cv_limit"
  | "file_missing"
  | "file_too_large"
  | "file_empty"
  | "not_a_pdf"
  | "pdf_unreadable"
  | "too_many_pages"
  | "consent_required"
  | "files_unavailable"
  | "database_unavailable"
  | "internal_error";

/**
 * The one error type of the API: a stable code, an HTTP status and a message safe to show a user.
 * @example throw new AppError("not_found", 404, "Không tìm thấy tin tuyển dụng")
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const unavailableNames = new Set([
  "TimeoutError",
  "RequestTimeout",
  "ServiceUnavailable",
  "InternalServerError",
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
]);

/** Walks an error's cause chain looking for a DynamoDB that cannot be reached or is overloaded. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    const err = e as { code?: string; name?: string; errors?: unknown[]; cause?: unknown; $metadata?: unknown };
    if ((err.code && unreachableCodes.has(err.code)) || (err.name && unavailableNames.has(err.name))) return true;
    if (Array.isArray(err.errors) && err.errors.some(isDatabaseUnavailable)) return true;
    e = err.cause;
  }
  return false;
}

/** Whether a DynamoDB write failed on its condition (directly, inside ElectroDB, or in a transaction). */
export function isConditionFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    const err = e as { name?: string; cause?: unknown };
    if (err.name === "ConditionalCheckFailedException") return true;
    if (err.name === "TransactionCanceledException") return true;
    e = err.cause;
  }
  return false;
}
