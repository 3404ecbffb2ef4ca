import type { MatchCandidate } from "@ketnoi/core";
import { type DynamoDBStreamRecord, decodeImage, entityOf } from "../effects/records";
import { applyCandidateChanges, type CandidateChange } from "./live";
import { candidateFields } from "./snapshot";

type Profile = MatchCandidate & { version?: number };

const consents = (image: Record<string, unknown> | undefined) =>
  (image as Profile | undefined)?.consents?.recommendToRecruiters?.granted === true;

const rankingFields = candidateFields.filter((field) => field !== "consents");
const sameRankingFields = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  rankingFields.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));

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
    const put = (change: CandidateChange) => {
      changes.delete(userId);
      changes.set(userId, change);
    };
    if (removed) put({ userId });
    else if (consents(next)) {
      // An edit that leaves the ranking's fields as they were (a name, a CV link, another consent) changes nothing.
      if (consents(before) && sameRankingFields(before!, next)) continue;
      const profile = next as unknown as Profile;
      put({ userId, version: Number(profile.version ?? 0), candidate: profile });
    } else if (consents(before)) {
      put({ userId, version: Number((next as Profile).version ?? 0) });
    }
  }
  return [...changes.values()];
}

/** Applies a stream batch's profile changes to the candidate snapshot (nothing to do: no read, no save). */
export async function updateCandidateSnapshot(records: readonly DynamoDBStreamRecord[]): Promise<void> {
  await applyCandidateChanges(candidateChangesOf(records));
}
