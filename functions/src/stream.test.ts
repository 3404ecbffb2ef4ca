import { GetCommand, type GetCommandInput } from "@aws-sdk/lib-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { ListingCreate, SearchCriteria } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../test/effects";
import { createListing, getListing, updateListing } from "./data/listings";
import { listNotifications } from "./data/notifications";
import { createOrganisation, decideVerification, getOrganisation } from "./data/organisations";
import { createSavedSearch } from "./data/saved-searches";
import { dynamo } from "./db/client";
import { db } from "./db/service";
import { ListingSearchIndex } from "./search/listing-index";
import { memorySnapshotStore, type SnapshotStore } from "./search/snapshot-store";
import { createStreamHandler, type DynamoDBStreamRecord } from "./stream";

type Raw = Record<string, unknown>;
let orgId: string;
let sequence = 0;

/** The item exactly as DynamoDB holds it (keys and ElectroDB's markers included), as a stream image carries it. */
async function raw(entity: "listing" | "organisation", key: Record<string, string>): Promise<Raw> {
  const params = (db().entities[entity] as { get(k: unknown): { params(): unknown } }).get(key).params();
  const { Item } = await dynamo().send(new GetCommand(params as GetCommandInput));
  return Item!;
}

function record(eventName: "INSERT" | "MODIFY" | "REMOVE", next?: Raw, before?: Raw): DynamoDBStreamRecord {
  const image = (item?: Raw) => (item ? marshall(item, { removeUndefinedValues: true }) : undefined);
  return { eventName, dynamodb: { NewImage: image(next), OldImage: image(before), SequenceNumber: `${++sequence}` } };
}

/** A store that counts saves, to show which batches touched the snapshot. */
function countingStore(inner: SnapshotStore = memorySnapshotStore()) {
  const store = {
    saves: 0,
    load: inner.load,
    save: (body: string, etag: string | null) => {
      store.saves++;
      return inner.save(body, etag);
    },
  };
  return store;
}

async function snapshotIds(store: SnapshotStore, criteria: Partial<SearchCriteria> = {}): Promise<string[]> {
  const stored = await store.load();
  if (!stored || stored === "unchanged") return [];
  const { index } = ListingSearchIndex.fromSnapshot(stored.body)!;
  const page = index.page(
    { deadlineAhead: true, verifiedOnly: false, ...criteria },
    { limit: 50, today: "2026-01-01" },
  );
  return page.hits.map((hit) => hit.id).sort();
}

const input = (title: string): ListingCreate => ({
  orgId,
  type: "internship",
  title: { vi: title },
  description: { vi: "Mô tả." },
  requiredSkills: ["embedded-c"],
  preferredSkills: [],
  majors: [],
  years: [3],
  communeId: "x-long-thanh",
  workMode: "onsite",
  deadline: "2099-12-31",
});

beforeAll(async () => {
  const org = await createOrganisation(
    {
      kind: "enterprise",
      name: { vi: "Công ty Cảm biến Long Đức" },
      sectors: ["electronics"],
      communeId: "x-long-thanh",
      address: "KCN Long Đức",
    },
    "rec-stream",
  );
  orgId = (await decideVerification(org, "verified", undefined)).id;
});

describe("stream consumer", () => {
  it("applies INSERT, MODIFY and REMOVE of listings to the snapshot, and ignores other items", async () => {
    const store = countingStore();
    const handle = createStreamHandler({ store });
    const draft = await createListing(input("Thực tập cảm biến nhiệt"));
    const d0 = await raw("listing", { listingId: draft.id });
    await handle({ Records: [record("INSERT", d0)] });
    expect(await snapshotIds(store)).toEqual([]);

    const published = await updateListing(draft, { status: "published", version: 1 });
    const p1 = await raw("listing", { listingId: draft.id });
    await handle({ Records: [record("MODIFY", p1, d0)] });
    expect(await snapshotIds(store, { q: "cam bien nhiet" })).toEqual([draft.id]);

    const edited = await updateListing(published, { title: { vi: "Thực tập cảm biến áp suất" }, version: 2 });
    const p2 = await raw("listing", { listingId: draft.id });
    await handle({ Records: [record("MODIFY", p2, p1)] });
    expect(await snapshotIds(store, { q: "ap suat" })).toEqual([draft.id]);
    // A retried, older record does not undo the newer title.
    await handle({ Records: [record("MODIFY", p1, d0)] });
    expect(await snapshotIds(store, { q: "ap suat" })).toEqual([draft.id]);

    await updateListing(edited, { status: "closed", version: 3 });
    const c3 = await raw("listing", { listingId: draft.id });
    await handle({ Records: [record("MODIFY", c3, p2)] });
    expect(await snapshotIds(store)).toEqual([]);

    const other = await createListing(input("Thực tập đo lường"));
    await updateListing(other, { status: "published", version: 1 });
    const o1 = await raw("listing", { listingId: other.id });
    await handle({ Records: [record("INSERT", o1)] });
    expect(await snapshotIds(store)).toEqual([other.id]);
    await db().entities.listing.delete({ listingId: other.id }).go();
    await handle({ Records: [record("REMOVE", undefined, o1)] });
    expect(await snapshotIds(store)).toEqual([]);

    const saves = store.saves;
    const org = await raw("organisation", { orgId });
    await handle({ Records: [record("MODIFY", org, org)] });
    expect(store.saves).toBe(saves);
  });

  it("builds the first snapshot from the published-listings Query, then only loads it", async () => {
    const store = memorySnapshotStore();
    const handle = createStreamHandler({ store });
    const now = new Date().toISOString();
    // Written straight to the table, as if published before the consumer existed.
    const early = { ...input("Thực tập robot hàn"), listingId: "early-robot", status: "published" as const };
    await db()
      .entities.listing.put({ ...early, sortAt: now, publishedAt: now, createdAt: now, updatedAt: now, version: 1 })
      .go();
    const trigger = await createListing(input("Nháp"));
    await handle({ Records: [record("INSERT", await raw("listing", { listingId: trigger.id }))] });
    expect(await snapshotIds(store, { q: "robot han" })).toEqual(["early-robot"]);

    const unseen = { ...early, listingId: "unseen-robot" };
    await db()
      .entities.listing.put({ ...unseen, sortAt: now, publishedAt: now, createdAt: now, updatedAt: now, version: 1 })
      .go();
    const next = await updateListing(trigger, { title: { vi: "Nháp 2" }, version: 1 });
    await handle({ Records: [record("MODIFY", await raw("listing", { listingId: next.id }))] });
    // The second batch loaded the snapshot: no table read could have found the listing the stream never carried.
    expect(await snapshotIds(store, { q: "robot han" })).toEqual(["early-robot"]);
  });

  it("re-applies its batch when a consumer of another shard saved the snapshot first", async () => {
    const inner = memorySnapshotStore();
    const first = await createListing(input("Thực tập vi điều khiển"));
    const second = await createListing(input("Thực tập mạch in"));
    await updateListing(first, { status: "published", version: 1 });
    await updateListing(second, { status: "published", version: 1 });
    const a = record("INSERT", await raw("listing", { listingId: first.id }));
    const b = record("INSERT", await raw("listing", { listingId: second.id }));
    // An existing (empty) snapshot: each consumer loads it rather than building from the table.
    await inner.save(ListingSearchIndex.fromDocuments([]).toSnapshot(null), null);

    let raced = false;
    const racing: SnapshotStore = {
      load: (etag) => inner.load(etag),
      save: async (body, etag) => {
        if (!raced) {
          raced = true;
          await createStreamHandler({ store: inner })({ Records: [b] });
        }
        return inner.save(body, etag);
      },
    };
    await createStreamHandler({ store: racing })({ Records: [a] });
    const ids = await snapshotIds(inner, { q: "thuc tap" });
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it("takes a rejected organisation's listings out of the index, and puts them back when it is verified again", async () => {
    const store = memorySnapshotStore();
    const handle = createStreamHandler({ store });
    const org = await createOrganisation(
      {
        kind: "enterprise",
        name: { vi: "Công ty Tự động hóa Bàu Xéo" },
        sectors: ["automation"],
        communeId: "x-trang-bom",
        address: "KCN Bàu Xéo",
      },
      "rec-stream-2",
    );
    const verified = await decideVerification(org, "verified", undefined);
    const listing = await createListing({ ...input("Thực tập lập trình PLC"), orgId: org.id });
    await updateListing(listing, { status: "published", version: 1 });
    await handle({ Records: [record("INSERT", await raw("listing", { listingId: listing.id }))] });
    expect(await snapshotIds(store, { q: "plc", verifiedOnly: true })).toEqual([listing.id]);

    const before = await raw("organisation", { orgId: org.id });
    const rejected = await decideVerification(verified, "rejected", "Hồ sơ giả mạo");
    await handle({ Records: [record("MODIFY", await raw("organisation", { orgId: org.id }), before)] });
    // Not public any more: not shown, not counted, not paged (search/sources.ts; routes/review-search-hidden.test.ts).
    expect(await snapshotIds(store, { q: "plc", verifiedOnly: true })).toEqual([]);
    expect(await snapshotIds(store, { q: "plc" })).toEqual([]);
    expect((await getOrganisation(org.id))?.verification).toBe("rejected");

    const beforeReinstated = await raw("organisation", { orgId: org.id });
    await decideVerification(rejected, "verified", undefined);
    await handle({ Records: [record("MODIFY", await raw("organisation", { orgId: org.id }), beforeReinstated)] });
    expect(await snapshotIds(store, { q: "plc", verifiedOnly: true })).toEqual([listing.id]);
  });
});

describe("saved-search alerts from the stream", () => {
  it("alerts exactly once, however often the publish record is processed, also by two consumers", async () => {
    await createSavedSearch("sv-early", {
      name: "Cảm biến",
      criteria: { q: "cam bien khi gas", deadlineAhead: true, verifiedOnly: false },
    });
    const draft = await createListing(input("Thực tập cảm biến khí gas"));
    const d0 = await raw("listing", { listingId: draft.id });
    await updateListing(draft, { status: "published", version: 1 });
    await effectsSettled(); // this file's local stream consumer alerts sv-early
    // Saved after that consumer ran: only the records handed over below can alert this one.
    await createSavedSearch("sv-late", {
      name: "Khí gas",
      criteria: { q: "khi gas", deadlineAhead: true, verifiedOnly: false },
    });

    const publish = record("MODIFY", await raw("listing", { listingId: draft.id }), d0);
    const handle = createStreamHandler({ store: memorySnapshotStore() });
    expect(await handle({ Records: [publish] })).toEqual({ batchItemFailures: [] });
    expect(await handle({ Records: [publish] })).toEqual({ batchItemFailures: [] });

    for (const userId of ["sv-early", "sv-late"]) {
      const alerts = (await listNotifications(userId)).filter((n) => n.kind === "saved_search_match");
      expect(alerts.map((n) => n.link)).toEqual([`/tin/${draft.id}`]);
    }
    expect((await getListing(draft.id))?.status).toBe("published");
  });
});
