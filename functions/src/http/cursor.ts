import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { AppError } from "./errors";

/** Which list a cursor pages through: a cursor of one list is refused by another. */
export type CursorScope = "listings" | "audit" | "search" | "messages";

const mac = (scope: CursorScope, payload: string) =>
  createHmac("sha256", config().SERVER_SECRET).update(`cursor:${scope}:`).update(payload).digest("base64url");

/**
 * Signs the data layer's cursor for a client: `<payload>.<HMAC-SHA256(SERVER_SECRET, scope + payload)>`. Clients
 * keep it opaque; an edited one fails `openCursor`, so nobody steers a query to keys the API did not hand out.
 * @example sealCursor("listings", page.cursor) // "eyJwayI6…​.Qm9v…"
 */
export function sealCursor(scope: CursorScope, cursor: string | null): string | null {
  if (cursor === null) return null;
  const payload = Buffer.from(cursor, "utf8").toString("base64url");
  return `${payload}.${mac(scope, payload)}`;
}

const invalidCursor = () =>
  new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", [
    { path: "cursor", message: "Con trỏ trang không hợp lệ; hãy tải lại từ trang đầu." },
  ]);

/**
 * The data layer's cursor inside a signed one, or a 400 on `cursor` when the signature does not match (edited,
 * truncated, forged, or issued for another list).
 * @example openCursor("listings", c.req.valid("query").cursor)
 */
export function openCursor(scope: CursorScope, sealed: string | undefined): string | undefined {
  if (sealed === undefined) return undefined;
  const [payload, signature, extra] = sealed.split(".");
  if (!payload || !signature || extra !== undefined) throw invalidCursor();
  const expected = Buffer.from(mac(scope, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  return Buffer.from(payload, "base64url").toString("utf8");
}
