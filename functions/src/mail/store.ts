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
import type {
  MailDigestEntryEntity,
  MailPreferenceEntity,
  MailSentEntity,
  MailSuppressionEntity,
} from "../db/entities/mail";
import { liteEntity } from "../db/lite";
import { deleteMany, liteWrites, send, whereEquals } from "../db/lite-writes";
import { mailDigestEntryModel, mailPreferenceModel, mailSentModel, mailSuppressionModel } from "../db/models/mail";
import { AppError } from "../http/errors";

const day = 24 * 60 * 60;

// Over the lite data path (db/lite.ts, issue 14): the account group's preference routes, the mail functions.
const preferences = liteEntity<MailPreferenceEntity>(mailPreferenceModel);
const preferenceWrites = liteWrites<MailPreferenceEntity>(mailPreferenceModel);
const suppressions = liteEntity<MailSuppressionEntity>(mailSuppressionModel);
const suppressionWrites = liteWrites<MailSuppressionEntity>(mailSuppressionModel);
const sent = liteEntity<MailSentEntity>(mailSentModel);
const sentWrites = liteWrites<MailSentEntity>(mailSentModel);
const digestEntries = liteEntity<MailDigestEntryEntity>(mailDigestEntryModel);
const digestWrites = liteWrites<MailDigestEntryEntity>(mailDigestEntryModel);

/** A user's stored choices: the language and only the kinds they set. */
export interface StoredMailPreferences {
  language: MailLanguage;
  kinds: Partial<Record<NotificationKind, MailChannel>>;
}

/** The user's choices, or the defaults (Vietnamese, every kind on its default channel) when none are stored. */
export async function getMailPreferences(userId: string): Promise<StoredMailPreferences> {
  const data = await guard(() => preferences.get({ userId }));
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
  await guard(() => send(preferenceWrites.put({ userId, ...next, updatedAt: new Date().toISOString() })));
  return next;
}

const normalise = (email: string) => email.trim().toLowerCase();

/** Whether SES reported this address as bouncing or complaining. */
export async function isSuppressed(email: string): Promise<boolean> {
  return !!(await guard(() => suppressions.get({ email: normalise(email) })));
}

/** Stops all mail to an address; false when it was already suppressed (the report came again). */
export async function suppressAddress(email: string, reason: "bounce" | "complaint", at: string): Promise<boolean> {
  return guard(
    () => send(suppressionWrites.create({ email: normalise(email), reason, at })).then(() => true),
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
    () => send(sentWrites.create({ mailKey, ...claim })).then(() => true),
    () => alreadyThere,
  ).catch((error: unknown) => {
    if (error === alreadyThere) return false;
    throw error;
  });
  if (created) return true;
  const data = await guard(() => sent.get({ mailKey }));
  if (data?.status !== "sending" || now.getTime() - Date.parse(data.claimedAt) < claimLeaseMs) return false;
  // Take over a stale claim only if nobody else did in between (its claimedAt unchanged).
  return guard(
    () =>
      send(
        sentWrites.patch(
          { mailKey },
          { set: { claimedAt: claim.claimedAt } },
          whereEquals(mailSentModel, { claimedAt: data.claimedAt }),
        ),
      ).then(() => true),
    () => alreadyThere,
  ).catch((error: unknown) => {
    if (error === alreadyThere) return false;
    throw error;
  });
}

/** Records how a claimed mail ended: sent, or refused for good (never tried again). */
export async function settleMail(mailKey: string, outcome: { messageId?: string } | { error: string }) {
  const set =
    "error" in outcome
      ? { status: "failed" as const, error: outcome.error.slice(0, 500) }
      : { status: "sent" as const, ...outcome };
  await guard(() => send(sentWrites.patch({ mailKey }, { set })));
}

/** Gives a claim back after a transient failure, so the retry may send it. */
export async function releaseMail(mailKey: string) {
  await guard(() => send(sentWrites.delete({ mailKey })));
}

/** Number of partitions digest entries spread over. */
export const digestShards = 8;
const shardOf = (userId: string) => createHash("sha256").update(userId).digest()[0]! % digestShards;

/** Puts a notice aside for the user's next digest (a put under the notice's id: a replay writes the same item). */
export async function queueForDigest(userId: string, noticeId: string, input: NotificationInput, at: string) {
  await guard(() =>
    send(
      digestWrites.put({
        shard: shardOf(userId),
        userId,
        noticeId,
        at,
        kind: input.kind,
        title: input.title,
        ...(input.body ? { body: input.body } : {}),
        ...(input.link ? { link: input.link } : {}),
        expiresAt: Math.floor(Date.parse(at) / 1000) + 30 * day,
      }),
    ),
  );
}

export type DigestEntry = Awaited<ReturnType<typeof pendingDigestEntries>>[number];

/** Every notice waiting for a digest, all users. */
export async function pendingDigestEntries() {
  const shards = await Promise.all(
    Array.from({ length: digestShards }, (_, shard) => guard(() => digestEntries.query("byShard", { shard }))),
  );
  return shards.flat();
}

/** Removes entries once their digest is sent (or found sent). */
export async function removeDigestEntries(entries: DigestEntry[]) {
  const keys = entries.map(({ userId, at, noticeId }) => ({ userId, at, noticeId }));
  // An entry still unprocessed after the retries is found by the next digest run, which finds its mail sent.
  await guard(() => deleteMany(mailDigestEntryModel, keys));
}
