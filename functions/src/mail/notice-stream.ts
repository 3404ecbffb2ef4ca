import type { NotificationKind } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { MailConfig } from "../config";
import type { NotificationInput } from "../data/notifications";
import type { NotificationEntity } from "../db/entities/notification";
import { fromStoredItem, owns } from "../db/lite";
import { notificationModel } from "../db/models/notification";
import { type DynamoDBStreamRecord, decodeImage, entityOfRaw } from "../effects/records";
import { errorField, logger } from "../observability/logger";
import { createMailSender, type MailRetry } from "./sender";
import type { SendMail } from "./transport";

/** A batch of table stream records, as Lambda's DynamoDB event source delivers it. */
export interface MailStreamEvent {
  Records: DynamoDBStreamRecord[];
}

/** The entity whose inserts are mailed; infra/mail.ts filters the stream to exactly these records. */
export const mailedEntity = "notification";

/** A stored notice as the mail sender takes it, read from a stream record; undefined for any other record. */
export function noticeOfRecord(
  record: DynamoDBStreamRecord,
): { userId: string; input: NotificationInput; notice: { id: string; at: string } } | undefined {
  // Only a new notice is mailed: a notice marked read (MODIFY) or expired by its TTL (REMOVE) is not news.
  if (record.eventName !== "INSERT") return undefined;
  if (entityOfRaw(record.dynamodb?.NewImage) !== mailedEntity) return undefined;
  const raw = decodeImage(record.dynamodb?.NewImage);
  // Read as ElectroDB's `parse` reads it, over the lite data path (db/lite.ts): the mail consumer carries no ElectroDB.
  if (!owns(notificationModel, raw)) return undefined;
  const data = fromStoredItem(notificationModel, raw) as EntityItem<NotificationEntity>;
  const input: NotificationInput = {
    kind: data.kind as NotificationKind,
    title: data.title,
    ...(data.body ? { body: data.body } : {}),
    ...(data.link ? { link: data.link } : {}),
  };
  return { userId: data.userId, input, notice: { id: data.notificationId, at: data.createdAt } };
}

/**
 * The deployed mail consumer (mail-lambda.ts): a second reader of the table stream that sees only inserted notices
 * (the event-source filter in infra/mail.ts) and hands each to the same mail sender the local platform registers
 * with `deliverNotice` — so every notice is mailed, whichever code stored it (the stream consumer's derived notices,
 * saved-search alerts, interview reminders, bounce notices), with the sender's exactly-once marker per notice.
 *
 * A notice whose send fails transiently (after the sender's own quick retries) stops the batch there: its sequence
 * number is reported (`batchItemFailures`) and Lambda delivers it and the records after it again; the ones before
 * it were sent and their markers keep them from being sent twice.
 */
export function createMailStreamHandler(
  send: SendMail,
  options: { config?: () => MailConfig; retry?: MailRetry } = {},
) {
  const sender = createMailSender(send, options);
  return async (event: MailStreamEvent): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }> => {
    for (const record of event.Records) {
      const found = noticeOfRecord(record);
      if (!found) continue;
      try {
        await sender.send(found.userId, found.input, found.notice);
      } catch (error) {
        logger.warn("notice mail failed; the stream delivers it again", {
          notice: found.notice.id,
          kind: found.input.kind,
          error: errorField(error),
        });
        const itemIdentifier = record.dynamodb?.SequenceNumber;
        if (!itemIdentifier) throw error;
        return { batchItemFailures: [{ itemIdentifier }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
