import { type ErrorBody, type ErrorCode, type ErrorStatus, errorCatalogue, errorStatus } from "@ketnoi/core";

/** Stable error codes clients can rely on: the catalogue in core (`errorCatalogue`) is the list. */
export type { ErrorCode } from "@ketnoi/core";

/**
 * The one error type of the API: a stable code, its HTTP status (from core's `errorCatalogue`, never restated at
 * the call site) and a message safe to show a user (the catalogue's default when none is given).
 * @example throw new AppError("not_found", "Không tìm thấy tin tuyển dụng")
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: ErrorStatus<C>;
  readonly details?: unknown;

  constructor(code: C, message?: string, details?: unknown);
  /**
   * @deprecated The status comes from the catalogue: `npm run codemod:app-error` drops it. Kept so that branches
   * written before the catalogue still compile after a merge; the type still insists on the catalogue's status.
   */
  constructor(code: C, status: ErrorStatus<C>, message: string, details?: unknown);
  constructor(
    readonly code: C,
    statusOrMessage?: number | string,
    messageOrDetails?: unknown,
    legacyDetails?: unknown,
  ) {
    const legacy = typeof statusOrMessage === "number";
    const message = legacy ? (messageOrDetails as string) : statusOrMessage;
    super(message ?? errorCatalogue[code].vi);
    this.name = "AppError";
    this.status = errorStatus(code);
    const details = legacy ? legacyDetails : messageOrDetails;
    if (details !== undefined) this.details = details;
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
  // Node's fetch (undici), which the lean functions' DynamoDB transport uses (db/transport-fetch.ts): a connection
  // closed under a request, or not made in time.
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
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
