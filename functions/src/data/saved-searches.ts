import { createHash, randomUUID } from "node:crypto";
import { maxSavedSearches, type SavedSearch, type SavedSearchCreate, type SearchCriteria } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { SavedSearchEntity } from "../db/entities/saved-search";
import type { SearchAlertEntity } from "../db/entities/search-alert";
import { liteEntity } from "../db/lite";
import { liteWrites, send, whereEquals } from "../db/lite-writes";
import { savedSearchModel, savedSearchShards } from "../db/models/saved-search";
import { searchAlertModel } from "../db/models/search-alert";
import { AppError } from "../http/errors";
import { guard } from "./guard";

type SavedSearchItem = EntityItem<SavedSearchEntity>;

// Over the lite data path (db/lite.ts, issue 14): the account group's routes and the stream consumer's alerts.
const savedSearches = liteEntity<SavedSearchEntity>(savedSearchModel);
const savedSearchWrites = liteWrites<SavedSearchEntity>(savedSearchModel);
const searchAlertWrites = liteWrites<SearchAlertEntity>(searchAlertModel);

/** A saved search with its owner, as alert evaluation needs it. */
export type StoredSavedSearch = SavedSearch & { userId: string };

/** Alert markers outlive any realistic gap between a listing's publication and its stream record. */
const alertMarkerSeconds = 90 * 24 * 60 * 60;

const limitReached = () =>
  new AppError("saved_search_limit", `Bạn chỉ lưu được tối đa ${maxSavedSearches} tìm kiếm; hãy xóa bớt.`);

function toSavedSearch(item: SavedSearchItem): StoredSavedSearch {
  return {
    id: item.savedSearchId,
    userId: item.userId,
    name: item.name,
    criteria: item.criteria as SearchCriteria,
    createdAt: item.createdAt,
  };
}

// A stable hash keeps one student's searches in one shard; the shards only spread read load.
function shardOf(userId: string): string {
  return String(createHash("sha256").update(userId).digest().readUInt32BE(0) % savedSearchShards);
}

async function itemsOf(userId: string): Promise<SavedSearchItem[]> {
  return guard(() => savedSearches.query("byUser", { userId }));
}

/** A student's saved searches, oldest first. */
export async function listSavedSearches(userId: string): Promise<StoredSavedSearch[]> {
  const items = await itemsOf(userId);
  return items.map(toSavedSearch).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Saves a search in the student's first free slot. The put fails if the slot was taken meanwhile (then the next
 * free one is tried), so even concurrent saves never exceed `maxSavedSearches`; 409 `saved_search_limit` once
 * every slot is taken.
 */
export async function createSavedSearch(userId: string, input: SavedSearchCreate): Promise<StoredSavedSearch> {
  const taken = new Set((await itemsOf(userId)).map((item) => item.slot));
  for (let slot = 0; slot < maxSavedSearches; slot++) {
    if (taken.has(slot)) continue;
    const item = {
      userId,
      slot,
      savedSearchId: randomUUID(),
      name: input.name,
      criteria: input.criteria,
      shard: shardOf(userId),
      createdAt: new Date().toISOString(),
    };
    try {
      await guard(() => send(savedSearchWrites.create(item)));
      return toSavedSearch(item);
    } catch (error) {
      // A concurrent save of the same student took this slot just now: it is as taken as the others.
      if (!(error instanceof AppError && error.code === "version_conflict")) throw error;
    }
  }
  throw limitReached();
}

/** Deletes one of the student's saved searches; false when they have none with that id (someone else's too). */
export async function deleteSavedSearch(userId: string, savedSearchId: string): Promise<boolean> {
  const item = (await itemsOf(userId)).find((i) => i.savedSearchId === savedSearchId);
  if (!item) return false;
  await guard(() =>
    send(savedSearchWrites.delete({ userId, slot: item.slot }, whereEquals(savedSearchModel, { savedSearchId }))),
  ).catch((error) => {
    // Deleted by a concurrent request: the outcome the caller wanted.
    if (!(error instanceof AppError && error.code === "version_conflict")) throw error;
  });
  return true;
}

/**
 * Every saved search on the platform, read from the few `saved-search#<shard>` partitions of gsi1 in parallel
 * (Queries, never a Scan). Alert evaluation reads them once per batch of newly published listings.
 */
export async function allSavedSearches(): Promise<StoredSavedSearch[]> {
  const shards = Array.from({ length: savedSearchShards }, (_, i) => String(i));
  const pages = await Promise.all(shards.map((shard) => guard(() => savedSearches.query("byShard", { shard }))));
  return pages.flat().map(toSavedSearch);
}

/**
 * Records that a saved search's owner is being alerted about a listing. Returns false when that was already
 * recorded (by the other path, or an earlier try), in which case no alert must be sent.
 */
export async function claimAlert(search: StoredSavedSearch, listingId: string): Promise<boolean> {
  const now = new Date();
  try {
    await guard(() =>
      send(
        searchAlertWrites.create({
          savedSearchId: search.id,
          listingId,
          userId: search.userId,
          createdAt: now.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + alertMarkerSeconds,
        }),
      ),
    );
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "version_conflict") return false;
    throw error;
  }
}

/** Releases a claim whose notification could not be stored, so that a retry sends it. */
export async function releaseAlert(savedSearchId: string, listingId: string): Promise<void> {
  await guard(() => send(searchAlertWrites.delete({ savedSearchId, listingId })));
}
