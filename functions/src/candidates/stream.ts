import type { MatchCandidate } from "@ketnoi/core";
import { type DynamoDBStreamRecord, decodeImage, entityOf } from "../effects/records";
import { applyCandidateChanges, type CandidateChange } from "./live";

type Profile = MatchCandidate & { version?: number };

const consents = (image: Record<string, unknown> | undefined) =>
  (image as Profile | undefined)?.consents?.recommendToRecruiters?.granted === true;

/**
 * The candidate snapshot's share of a batch: the last change per student profile. Inserted or modified with the
 * consent granted → upsert (ranking fields only); consent withdrawn → removal at that version; the profile removed
 * (its account erased) → removal. A profile that neither had nor has the consent changes nothing.
 */
export function candidateChangesOf(records: readonly DynamoDBStreamRecord[]): CandidateChange[] {
  const changes = new Map<string, CandidateChange>();
  for (const record of records) {
    if (entityOf(record) !== "student") continue;
    const next = decodeImage(record.dynamodb?.NewImage);
    const before = decodeImage(record.dynamodb?.OldImage);
    const removed = record.eventName === "REMOVE" || !next;
    const userId = String((next ?? before)?.userId);
    changes.delete(userId);
    if (removed) changes.set(userId, { userId });
    else if (consents(next)) {
      const profile = next as unknown as Profile;
      changes.set(userId, { userId, version: Number(profile.version ?? 0), candidate: profile });
    } else if (consents(before)) {
      changes.set(userId, { userId, version: Number((next as Profile).version ?? 0) });
    }
  }
  return [...changes.values()];
}

/** Applies a stream batch's profile changes to the candidate snapshot (nothing to do: no read, no save). */
export async function updateCandidateSnapshot(records: readonly DynamoDBStreamRecord[]): Promise<void> {
  await applyCandidateChanges(candidateChangesOf(records));
}
