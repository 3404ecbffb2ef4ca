import { createHash } from "node:crypto";
import { mailChannelOf } from "@ketnoi/core";
import { type MailConfig, mailConfig } from "../config";
import { errorField, logger } from "../observability/logger";
import { mailableAddress, mailLinks, sendOnce } from "./sender";
import { type DigestEntry, getMailPreferences, pendingDigestEntries, removeDigestEntries } from "./store";
import { composeDigestMail, mainKindOf } from "./templates";
import { createMailTransport, type SendMail } from "./transport";

/** What one digest run did. */
export interface DigestReport {
  users: number;
  sent: number;
  notices: number;
  failed: number;
}

/**
 * The daily digest: every user with notices put aside (their kind's channel is `daily`) gets one mail listing
 * them, then the entries are removed. The mail's key is a hash of the notices it holds, so a run that dies after
 * sending and before removing sends nothing again, while notices that arrive later make a new digest. Kinds the
 * user turned off since are dropped; an erased or suppressed account gets nothing and its entries go.
 * Run by EventBridge Scheduler in deploy (digest-lambda.ts) and by a timer in `npm start` (mail/local.ts).
 * @example const report = await runDailyDigest();
 */
export async function runDailyDigest(options: { send?: SendMail; config?: MailConfig } = {}): Promise<DigestReport> {
  const mail = options.config ?? mailConfig();
  const send = options.send ?? (await createMailTransport(mail));
  const report: DigestReport = { users: 0, sent: 0, notices: 0, failed: 0 };
  if (!send) return report;
  const byUser = new Map<string, DigestEntry[]>();
  for (const entry of await pendingDigestEntries())
    byUser.set(entry.userId, [...(byUser.get(entry.userId) ?? []), entry]);
  for (const [userId, entries] of byUser) {
    report.users++;
    try {
      const to = await mailableAddress(userId);
      const preferences = await getMailPreferences(userId);
      const kept = entries
        .filter((e) => mailChannelOf(preferences.kinds, e.kind) !== "off")
        .sort((a, b) => a.at.localeCompare(b.at));
      if (to && kept.length > 0) {
        const notices = kept.map((e) => ({
          id: e.noticeId,
          at: e.at,
          kind: e.kind,
          title: e.title,
          ...(e.body ? { body: e.body } : {}),
          ...(e.link ? { link: e.link } : {}),
        }));
        const { links, headers } = mailLinks(mail, userId, mainKindOf(notices));
        const final = composeDigestMail(notices, preferences.language, links);
        const key = createHash("sha256")
          .update(kept.map((e) => e.noticeId).join(","))
          .digest("hex")
          .slice(0, 32);
        if (await sendOnce(send, `digest:${userId}:${key}`, to, final, headers)) {
          report.sent++;
          report.notices += kept.length;
        }
      }
      await removeDigestEntries(entries);
    } catch (error) {
      // Left in place: tomorrow's run (or a retried one) sends them.
      report.failed++;
      logger.error("daily digest failed for a user", { userId, error: errorField(error) });
    }
  }
  return report;
}
