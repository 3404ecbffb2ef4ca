import {
  MailPreferencesSchema,
  MailPreferencesUpdateSchema,
  MailUnsubscribeResultSchema,
  MailUnsubscribeSchema,
  mailChannelOf,
} from "@ketnoi/core";
import { Hono } from "hono";
import { config } from "../config";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { rateLimit, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { getMailPreferences, publicPreferences, updateMailPreferences } from "../mail/store";
import { readUnsubscribeToken } from "../mail/token";

/** GET/PUT /api/me/mail-preferences: which kinds of notice reach the user's mailbox, how, and in which language. */
export const mailPreferenceRoutes = new Hono<AppEnv>()
  .get(
    "/",
    route({
      tags: ["Account"],
      summary: "My mail preferences: every kind of notice with its channel (instant, daily digest, off)",
      auth: true,
      ok: { 200: { description: "Preferences", schema: MailPreferencesSchema } },
    }),
    async (c) => {
      const { userId } = requirePrincipal(c);
      return c.json(publicPreferences(await getMailPreferences(userId)));
    },
  )
  .put(
    "/",
    route({
      tags: ["Account"],
      summary: "Change my mail language and/or some kinds' channels (kinds not sent keep theirs)",
      auth: true,
      body: true,
      ok: { 200: { description: "Preferences after the change", schema: MailPreferencesSchema } },
    }),
    validate("json", MailPreferencesUpdateSchema),
    async (c) => {
      const { userId } = requirePrincipal(c);
      return c.json(publicPreferences(await updateMailPreferences(userId, c.req.valid("json"))));
    },
  );

const invalidToken = () =>
  new AppError("validation_failed", "Liên kết hủy nhận thư không hợp lệ. Hãy đổi cài đặt thư sau khi đăng nhập.");

function tokenOf(token: string) {
  const read = readUnsubscribeToken(config().SERVER_SECRET, token);
  if (!read) throw invalidToken();
  return read;
}

/**
 * The unsubscribe link of every mail (RFC 8058). No session: the signed token (user + kind) is the authority,
 * and all it can do is turn that one kind off. GET only tells the confirmation page what the link is for; POST
 * does it — mail clients' one-click POST (`List-Unsubscribe=One-Click`, form-encoded) or the page's button.
 */
export const mailRoutes = new Hono<AppEnv>()
  .get(
    "/unsubscribe",
    route({
      tags: ["Mail"],
      summary: "What an unsubscribe link is for (the kind and its current channel); changes nothing",
      ok: { 200: { description: "The link's kind", schema: MailUnsubscribeResultSchema } },
      errors: [400],
    }),
    rateLimit({ windowMs: 60_000, max: 30 }),
    validate("query", MailUnsubscribeSchema),
    async (c) => {
      const { userId, kind } = tokenOf(c.req.valid("query").token);
      return c.json({ kind, channel: mailChannelOf((await getMailPreferences(userId)).kinds, kind) });
    },
  )
  .post(
    "/unsubscribe",
    route({
      tags: ["Mail"],
      summary:
        "One-click unsubscribe (RFC 8058): turns the token's kind of mail off for its user. Accepts the mail " +
        "client's form body `List-Unsubscribe=One-Click` or no body",
      ok: { 200: { description: "Turned off", schema: MailUnsubscribeResultSchema } },
      errors: [400],
    }),
    rateLimit({ windowMs: 60_000, max: 30 }),
    validate("query", MailUnsubscribeSchema),
    async (c) => {
      const { userId, kind } = tokenOf(c.req.valid("query").token);
      await updateMailPreferences(userId, { kinds: { [kind]: "off" } });
      return c.json({ kind, channel: "off" as const });
    },
  );
