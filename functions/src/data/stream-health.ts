import type { DeadLetterEntity, StreamStatusEntity } from "../db/entities/stream-state";
import { liteEntity } from "../db/lite";
import { deadLetterModel, streamStatusModel } from "../db/models/stream-state";
import { guard } from "./guard";

/**
 * The stream consumer's state as /api/health reads it, through the lite data path (db/lite.ts): the same items the
 * consumer writes with ElectroDB (data/stream-state.ts), read without ElectroDB so the health function starts
 * without it (issue 14).
 */
const status = liteEntity<StreamStatusEntity>(streamStatusModel);
const deadLetters = liteEntity<DeadLetterEntity>(deadLetterModel);

/** The consumer's progress as /api/health reports it. */
export async function streamStatus() {
  return guard(() => status.get({}));
}

/** How many dead letters are kept (a Query on their one partition; they are few by design). */
export async function countDeadLetters(): Promise<number> {
  const kept = await guard(() => deadLetters.query("all", {}, { attributes: ["eventId", "createdAt"] }));
  return kept.length;
}
