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
      throw new AppError(
        "database_unavailable",
        503,
        "Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.",
      );
    }
    if (isConditionFailure(error)) {
      throw (
        onConflict?.() ??
        new AppError("version_conflict", 409, "Dữ liệu đã được người khác thay đổi; hãy tải lại rồi sửa tiếp.")
      );
    }
    throw error;
  }
}

/** Drops keys whose value is undefined so partial updates touch only what was sent. */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
