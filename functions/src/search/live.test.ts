import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ListingCreate } from "@ketnoi/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectsSettled, stopEffects } from "../../test/effects";
import { createListing, type StoredListing, updateListing } from "../data/listings";
import { createOrganisation, decideVerification } from "../data/organisations";
import { db } from "../db/service";
import { toSearchDocument } from "./document";
import { ListingSearchIndex } from "./listing-index";
import { configureSearch, type SearchSetup, searchIndex, searchWorkSettled } from "./live";
import { fileSnapshotStore, memorySnapshotStore } from "./snapshot-store";
import { tableFingerprint } from "./sources";

const dir = mkdtempSync(join(tmpdir(), "ketnoi-live-"));
const path = join(dir, "search-index.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `npm start` uses: the file snapshot, built once from the table, written by this process. */
const localSetup = (): SearchSetup => ({
  store: fileSnapshotStore(path),
  bootstrap: true,
  persist: true,
  source: tableFingerprint,
});

let orgId: string;
const input = (title: string): ListingCreate => ({
  orgId,
  type: "job",
  title: { vi: title },
  description: { vi: "Mô tả." },
  requiredSkills: [],
  preferredSkills: [],
  majors: [],
  years: [],
  communeId: "x-nhon-trach",
  workMode: "hybrid",
  deadline: "2099-12-31",
});

/** Writes a published listing straight to the table, the way no hook sees (seeding, another process). */
async function putPublished(listingId: string, title: string): Promise<void> {
  const now = new Date().toISOString();
  await db()
    .entities.listing.put({
      ...input(title),
      listingId,
      status: "published",
      sortAt: now,
      publishedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .go();
}

async function idsFor(q: string): Promise<string[]> {
  const page = (await searchIndex()).page(
    { q, deadlineAhead: true, verifiedOnly: false },
    { limit: 50, today: "2026-01-01" },
  );
  return page.hits.map((hit) => hit.id).sort();
}

const snapshotMeta = () => ListingSearchIndex.fromSnapshot(readFileSync(path, "utf8"))!.meta;

beforeAll(async () => {
  const org = await createOrganisation(
    {
      kind: "enterprise",
      name: { vi: "Công ty Logistics Nhơn Trạch" },
      sectors: ["logistics"],
      communeId: "x-nhon-trach",
      address: "KCN Nhơn Trạch 1",
    },
    "rec-live",
  );
  orgId = (await decideVerification(org, "verified", undefined)).id;
});

describe("local index lifecycle (npm start)", () => {
  it("builds the index once from the published-listings Query when there is no snapshot, and saves it", async () => {
    await putPublished("seeded-kho", "Điều phối kho vận");
    configureSearch(localSetup());
    expect(await idsFor("dieu phoi kho")).toEqual(["seeded-kho"]);
    await searchWorkSettled();
    const meta = snapshotMeta();
    expect(meta.source).toBe(await tableFingerprint());
    expect(meta.documentCount).toBe(1);
    expect(meta.newestUpdatedAt).not.toBeNull();
  });

  it("writes the stream consumer's changes into the snapshot, and a restart serves the snapshot, not the table", async () => {
    const draft = await createListing(input("Chuyên viên chuỗi cung ứng"));
    const published = await updateListing(draft, { status: "published", version: 1 });
    await effectsSettled(); // the stream consumer, in this process, applies the change to this index
    expect(await idsFor("chuoi cung ung")).toEqual([draft.id]);
    expect(snapshotMeta()).toMatchObject({ documentCount: 2, newestUpdatedAt: published.updatedAt });
    await stopEffects(); // from here on, writes reach no consumer: as if written while the process was down

    await putPublished("unseen-kho", "Điều phối kho lạnh");
    configureSearch(localSetup()); // as a new process would start
    expect(await idsFor("dieu phoi kho")).toEqual(["seeded-kho"]);
    expect(await idsFor("chuoi cung ung")).toEqual([draft.id]);
  });

  it("rebuilds a snapshot that was recorded from another table", async () => {
    configureSearch({ ...localSetup(), source: async () => "ketnoi-local@another-day" });
    expect(await idsFor("dieu phoi kho")).toEqual(["seeded-kho", "unseen-kho"]);
    await searchWorkSettled();
    expect(snapshotMeta().source).toBe("ketnoi-local@another-day");
  });
});

describe("deploy API instance lifecycle", () => {
  const docOf = (listing: StoredListing) => toSearchDocument(listing, undefined);

  it("answers 503 search_unavailable when the snapshot cannot be read, and keeps a loaded index on a failed refresh", async () => {
    let failing = true;
    const inner = memorySnapshotStore();
    await inner.save(ListingSearchIndex.fromDocuments([]).toSnapshot(null), null);
    const store = {
      load: (etag?: string) => (failing ? Promise.reject(new Error("S3 down")) : inner.load(etag)),
      save: inner.save,
    };
    configureSearch({ store, bootstrap: false, persist: false, refreshMs: 1 });
    await expect(searchIndex()).rejects.toMatchObject({ code: "search_unavailable", status: 503 });
    failing = false;
    const loaded = await searchIndex();
    failing = true;
    await new Promise((r) => setTimeout(r, 5));
    expect(await searchIndex()).toBe(loaded);
  });

  it("follows the stream consumer's snapshots", async () => {
    const store = memorySnapshotStore();
    const first = await createListing(input("Lái xe nâng"));
    const second = await createListing(input("Kế toán kho"));
    const a = { ...first, status: "published" as const, updatedAt: "2026-01-01T00:00:00.000Z" };
    const b = { ...second, status: "published" as const, updatedAt: "2026-01-01T00:00:00.000Z" };
    const etag = await store.save(ListingSearchIndex.fromDocuments([docOf(a)]).toSnapshot(null), null);
    configureSearch({ store, bootstrap: false, persist: false, refreshMs: 1 });
    expect(await idsFor("xe nang")).toEqual([first.id]);

    // The consumer archives `a` and publishes `b`: the instance serves that once it re-checks the snapshot.
    await store.save(ListingSearchIndex.fromDocuments([docOf(b)]).toSnapshot(null), etag);
    await new Promise((r) => setTimeout(r, 5));
    expect(await idsFor("xe nang")).toEqual([]);
    expect(await idsFor("ke toan")).toEqual([second.id]);
  });
});
