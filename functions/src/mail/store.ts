import { createHash } from "node:crypto";
import {
  type MailChannel,
  type MailLanguage,
  type MailPreferences,
  mailChannelOf,
  type NotificationKind,
  notificationKinds,
} from "@ketnoi/core";
import { guard } from "../data/guard";
import type { NotificationInput } from "../data/notifications";
import { db } from "../db/service";
import { AppError } from "../http/errors";

const day = 24 * 60 * 60;

/** A user's stored choices: the language and only the kinds they set. */
export interface StoredMailPreferences {
  language: MailLanguage;
  kinds: Partial<Record<NotificationKind, MailChannel>>;
}

/** The user's choices, or the defaults (Vietnamese, every kind on its default channel) when none are stored. */
export async function getMailPreferences(userId: string): Promise<StoredMailPreferences> {
  const { data } = await guard(() => db().entities.mailPreference.get({ userId }).go());
  return { language: data?.language ?? "vi", kinds: (data?.kinds as StoredMailPreferences["kinds"]) ?? {} };
}

/** Every kind with the channel it takes for this user, as the settings page shows it. */
export function publicPreferences(stored: StoredMailPreferences): MailPreferences {
  return {
    language: stored.language,
    kinds: Object.fromEntries(notificationKinds.map((kind) => [kind, mailChannelOf(stored.kinds, kind)])) as Record<
      NotificationKind,
      MailChannel
    >,
  };
}

/** Changes the language and/or some kinds' channels (the others keep theirs). */
export async function updateMailPreferences(
  userId: string,
  change: { language?: MailLanguage | undefined; kinds?: Partial<Record<NotificationKind, MailChannel>> | undefined },
): Promise<StoredMailPreferences> {
  const current = await getMailPreferences(userId);
  const next = { language: change.language ?? current.language, kinds: { ...current.kinds, ...change.kinds } };
  await guard(() =>
    db()
      .entities.mailPreference.put({ userId, ...next, updatedAt: new Date().toISOString() })
      .go(),
  );
  return next;
}

const normalise = (email: string) => email.trim().toLowerCase();

/** Whether SES reported this address as bouncing or complaining. */
export async function isSuppressed(email: string): Promise<boolean> {
  const { data } = await guard(() =>
    db()
      .entities.mailSuppression.get({ email: normalise(email) })
      .go(),
  );
  return !!data;
}

/** Stops all mail to an address; false when it was already suppressed (the report came again). */
export async function suppressAddress(email: string, reason: "bounce" | "complaint", at: string): Promise<boolean> {
  return guard(
    () =>
      db()
        .entities.mailSuppression.create({ email: normalise(email), reason, at })
        .go()
        .then(() => true),
    () => alreadyThere,
  ).catch((error: unknown) => {
    if (error === alreadyThere) return false;
    throw error;
  });
}

const alreadyThere = new AppError("already_exists", "already there");

/** A `sending` claim older than this is taken to belong to a sender that died, and is taken over. */
export const claimLeaseMs = 5 * 60_000;

/**
 * Claims a mail by its key: true when this caller may send it now. False when it was sent (or permanently
 * refused) already, or another sender holds a fresh claim.
 */
export async function claimMail(mailKey: string, now = new Date()): Promise<boolean> {
  const claim = {
    status: "sending" as const,
    claimedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + 30 * day,
  };
  const created = await guard(
    () =>
      db()
        .entities.mailSent.create({ mailKey, ...claim })
        .go()
        .then(() => true),
    () => alreadyThere,
  ).catch((error: unknown) => {
    if (error === alreadyThere) return false;
    throw error;
  });
  if (created) return true;
  const { data } = await guard(() => db().entities.mailSent.get({ mailKey }).go());
  if (data?.status !== "sending" || now.getTime() - Date.parse(data.claimedAt) < claimLeaseMs) return false;
  // Take over a stale claim only if nobody else did in between (its claimedAt unchanged).
  return guard(
    () =>
      db()
        .entities.mailSent.patch({ mailKey })
        .set({ claimedAt: claim.claimedAt })
        .where((a, op) => op.eq(a.claimedAt, data.claimedAt))
        .go()
        .then(() => true),
    () => alreadyThere,
  ).catch((error: unknown) => {
    if (error === alreadyThere) return false;
    throw error;
  });
}

/** Records how a claimed mail ended: sent, or refused for good (never tried again). */
export async function settleMail(mailKey: string, outcome: { messageId?: string } | { error: string }) {
  await guard(() =>
    db()
      .entities.mailSent.patch({ mailKey })
      .set(
        "error" in outcome ? { status: "failed", error: outcome.error.slice(0, 500) } : { status: "sent", ...outcome },
      )
      .go(),
  );
}

/** Gives a claim back after a transient failure, so the retry may send it. */
export async function releaseMail(mailKey: string) {
  await guard(() => db().entities.mailSent.delete({ mailKey }).go());
}

/** Number of partitions digest entries spread over. */
export const digestShards = 8;
const shardOf = (userId: string) => createHash("sha256").update(userId).digest()[0]! % digestShards;

/** Puts a notice aside for the user's next digest (a put under the notice's id: a replay writes the same item). */
export async function queueForDigest(userId: string, noticeId: string, input: NotificationInput, at: string) {
  await guard(() =>
    db()
      .entities.mailDigestEntry.put({
        shard: shardOf(userId),
        userId,
        noticeId,
        at,
        kind: input.kind,
        title: input.title,
        ...(input.body ? { body: input.body } : {}),
        ...(input.link ? { link: input.link } : {}),
        expiresAt: Math.floor(Date.parse(at) / 1000) + 30 * day,
      })
      .go(),
  );
}

export type DigestEntry = Awaited<ReturnType<typeof pendingDigestEntries>>[number];

/** Every notice waiting for a digest, all users. */
export async function pendingDigestEntries() {
  const shards = await Promise.all(
    Array.from({ length: digestShards }, (_, shard) =>
      guard(() => db().entities.mailDigestEntry.query.byShard({ shard }).go({ pages: "all" })),
    ),
  );
  return shards.flatMap(({ data }) => data);
}

/** Removes entries once their digest is sent (or found sent). */
export async function removeDigestEntries(entries: DigestEntry[]) {
  for (let i = 0; i < entries.length; i += 25) {
    const batch = entries.slice(i, i + 25).map(({ userId, at, noticeId }) => ({ userId, at, noticeId }));
    await guard(() => db().entities.mailDigestEntry.delete(batch).go());
  }
}
