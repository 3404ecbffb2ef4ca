import { createHmac, timingSafeEqual } from "node:crypto";
import { type NotificationKind, notificationKinds } from "@ketnoi/core";

// A separate purpose string: a token of this kind can never pass for a cursor or pseudonym made with the same key.
const purpose = "ketnoi-mail-unsubscribe-v1";

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`${purpose}\u0000${payload}`).digest("base64url");

/**
 * The token of an unsubscribe link: who and which kind, signed with SERVER_SECRET. It carries no expiry on purpose:
 * RFC 8058 links must keep working in old mail, and all it can do is turn one kind of mail off for one user.
 * @example unsubscribeToken(secret, "user-1", "application_status") // "dXNlci0x.YXBwbGljYXRpb25fc3RhdHVz.…"
 */
export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  const payload = `${Buffer.from(userId).toString("base64url")}.${Buffer.from(kind).toString("base64url")}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The user and kind a token names, or undefined when it was not made with this key (or is malformed). */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: NotificationKind } | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [user, kind, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${user}.${kind}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const decodedKind = Buffer.from(kind, "base64url").toString();
  if (!(notificationKinds as readonly string[]).includes(decodedKind)) return undefined;
  return { userId: Buffer.from(user, "base64url").toString(), kind: decodedKind as NotificationKind };
}
