import { AppError, isConditionFailure, isDatabaseUnavailable } from "../http/errors";

/**
 * Runs a DynamoDB operation and turns its failures into AppErrors: an unreachable database → 503,
 * a failed condition → the given conflict (default: version conflict).
 */
export async function guard<T>(operation: () => Promise<T>, onConflict?: () => AppError): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isDatabaseUnavailable(error)) {
      throw new AppError("database_unavailable");
    }
    if (isConditionFailure(error)) {
      throw onConflict?.() ?? new AppError("version_conflict");
    }
    throw error;
  }
}

/**
 * Runs a cursor-paginated read. Cursors are opaque to clients, so one the API did not issue (undecodable, or not a
 * key of the queried index) is the client's mistake: a 400 on `cursor`, as the search route answers, not a 500.
 */
export async function paginate<T>(cursor: string | undefined, operation: () => Promise<T>): Promise<T> {
  try {
    return await guard(operation);
  } catch (error) {
    if (cursor && !(error instanceof AppError) && isRejectedCursor(error)) {
      throw new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", [
        { path: "cursor", message: "Con trỏ trang không hợp lệ; hãy tải lại từ trang đầu." },
      ]);
    }
    throw error;
  }
}

/** ElectroDB could not decode the cursor, or DynamoDB refused the start key it decoded to. */
function isRejectedCursor(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    const err = e as { name?: string; message?: string; cause?: unknown };
    if (err.name === "ValidationException" || /cursor/i.test(err.message ?? "")) return true;
    e = err.cause;
  }
  return false;
}

/**
 * Splits a PATCH's fields into what to set (sent values) and what to remove (`null`: the client cleared an optional
 * field); absent fields are in neither. Both go into one conditional update, so a clear is never half-written.
 */
export function patchOperations<T extends Record<string, unknown>>(
  fields: T,
): { set: { [K in keyof T]?: Exclude<T[K], null> }; remove: (keyof T & string)[] } {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    set: Object.fromEntries(entries.filter(([, value]) => value !== null)) as { [K in keyof T]?: Exclude<T[K], null> },
    remove: entries.filter(([, value]) => value === null).map(([key]) => key as keyof T & string),
  };
}
