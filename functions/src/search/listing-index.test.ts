import { type SearchCriteria, todayInVietnam } from "@ketnoi/core";
import { describe, expect, it } from "vitest";
import { fixtureDocuments, fixtureToday } from "../../test/search-fixtures";
import { ListingSearchIndex, snapshotFormat } from "./listing-index";
import { InvalidCursorError } from "./query";

const index = ListingSearchIndex.fromDocuments(fixtureDocuments());
const base: SearchCriteria = { deadlineAhead: true, verifiedOnly: false };

/** Ids of every result, in order, for the criteria. */
function ids(criteria: Partial<SearchCriteria>, on = index): string[] {
  return on.page({ ...base, ...criteria }, { limit: 50, today: fixtureToday }).hits.map((h) => h.id);
}

describe("text matching", () => {
  it("finds Vietnamese text typed without diacritics, in any case", () => {
    expect(ids({ q: "lap trinh nhung" })[0]).toBe("a-embedded");
    expect(ids({ q: "LẬP TRÌNH NHÚNG" })[0]).toBe("a-embedded");
    expect(ids({ q: "lap trinh nhung" })).not.toContain("b-ai-visit");
  });

  it("folds đ to d: 'DONG NAI' finds the Đồng Nai university's listing and nothing else", () => {
    expect(ids({ q: "DONG NAI" })).toEqual(["b-ai-visit"]);
    expect(ids({ q: "dai hoc dong nai" })).toEqual(["b-ai-visit"]);
  });

  it("finds English titles, skill labels and organisation names", () => {
    expect(ids({ q: "embedded intern" })).toEqual(["a-embedded"]);
    expect(ids({ q: "artificial intelligence" })).toEqual(["b-ai-visit"]);
    expect(ids({ q: "microchip" }).sort()).toEqual(["a-embedded", "d-ic-training"]);
  });

  it("matches places by commune and industrial park name, in Vietnamese or English", () => {
    expect(ids({ q: "kcn long thanh" })).toEqual(["a-embedded"]);
    expect(ids({ q: "Long Thanh industrial park" })).toEqual(["a-embedded"]);
    expect(ids({ q: "tran bien" })).toEqual(["b-ai-visit"]);
  });

  it("matches word prefixes as the user types, and forgives one typo in longer words", () => {
    expect(ids({ q: "lap tri nhu" })).toEqual(["a-embedded"]);
    expect(ids({ q: "embeded" })).toEqual(["a-embedded"]);
    expect(ids({ q: "firmwre" })).toEqual(["a-embedded"]);
  });

  it("ranks a title match above a match in the organisation name only", () => {
    const hits = index.page({ ...base, q: "vi mach" }, { limit: 10, today: fixtureToday }).hits;
    expect(hits.map((h) => h.id)).toEqual(["d-ic-training", "a-embedded"]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("requires every word, and falls back to any word (saying so) when no listing has them all", () => {
    const strict = index.matches({ ...base, q: "nhung python" }, fixtureToday, true);
    expect(strict.hits).toEqual([]);
    const relaxed = index.page({ ...base, q: "nhung python" }, { limit: 10, today: fixtureToday });
    expect(relaxed.matchedAllTerms).toBe(false);
    expect(relaxed.hits.map((h) => h.id)).toEqual(["a-embedded"]);
    expect(index.page({ ...base, q: "lap trinh" }, { limit: 10, today: fixtureToday }).matchedAllTerms).toBe(true);
  });
});

describe("filters", () => {
  it.each([
    ["type", { type: "training" }, ["d-ic-training"]],
    ["sector of the organisation", { sector: "education" }, ["b-ai-visit"]],
    ["skill (required or preferred)", { skill: "e-id" }, ["e-volunteer"]],
    ["commune", { commune: "x-long-thanh" }, ["a-embedded", "d-ic-training", "e-volunteer"]],
    ["industrial park", { industrialPark: "long-thanh" }, ["a-embedded"]],
    ["paid", { paid: true }, ["a-embedded"]],
    ["unpaid", { paid: false }, ["b-ai-visit", "d-ic-training", "e-volunteer"]],
    ["passed deadlines shown on request", { deadlineAhead: false, industrialPark: "amata" }, ["c-backend-job"]],
    ["verified organisations only", { verifiedOnly: true, deadlineAhead: false, paid: true }, ["a-embedded"]],
  ] as Array<[string, Partial<SearchCriteria>, string[]]>)("%s", (_name, criteria, expected) => {
    expect(ids(criteria).sort()).toEqual(expected);
  });

  it("hides passed deadlines by default; a deadline stays open through its own day", () => {
    expect(ids({})).not.toContain("c-backend-job");
    expect(ids({ deadlineAhead: false })).toContain("c-backend-job");
    const onTheDay = index.page(base, { limit: 50, today: "2026-03-01" }).hits.map((h) => h.id);
    expect(onTheDay).toContain("e-volunteer");
    expect(index.page(base, { limit: 50, today: "2026-03-02" }).hits.map((h) => h.id)).not.toContain("e-volunteer");
  });

  it("counts days in Đồng Nai's time zone", () => {
    expect(todayInVietnam(new Date("2026-03-01T16:59:59Z"))).toBe("2026-03-01");
    expect(todayInVietnam(new Date("2026-03-01T17:00:00Z"))).toBe("2026-03-02");
  });

  it("combines text with filters", () => {
    expect(ids({ q: "vi mach", type: "internship" })).toEqual(["a-embedded"]);
  });
});

describe("sorting and pages", () => {
  const all = { deadlineAhead: false };

  it("sorts newest first without a query (ties by id), by deadline on request, by relevance with a query", () => {
    expect(ids(all)).toEqual(["b-ai-visit", "a-embedded", "d-ic-training", "e-volunteer", "c-backend-job"]);
    expect(ids({ ...all, sort: "deadline" })).toEqual([
      "c-backend-job",
      "e-volunteer",
      "d-ic-training",
      "b-ai-visit",
      "a-embedded",
    ]);
    expect(ids({ q: "vi mach", sort: "newest" })).toEqual(["a-embedded", "d-ic-training"]);
    expect(ids({ q: "vi mach" })).toEqual(["d-ic-training", "a-embedded"]);
  });

  it.each(["relevance", "newest", "deadline"] as const)("pages by %s without duplicates or gaps", (sort) => {
    const criteria = { ...base, ...all, q: sort === "relevance" ? "cong" : undefined, sort };
    const expected = index.page(criteria, { limit: 50, today: fixtureToday }).hits.map((h) => h.id);
    expect(expected.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = index.page(criteria, { limit: 2, cursor, today: fixtureToday });
      expect(page.total).toBe(expected.length);
      seen.push(...page.hits.map((h) => h.id));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it("keeps the next page right when a listing before the cursor disappears (keyset, not offset)", () => {
    const changing = ListingSearchIndex.fromDocuments(fixtureDocuments());
    const criteria = { ...base, ...all };
    const first = changing.page(criteria, { limit: 2, today: fixtureToday });
    changing.remove(first.hits[0]!.id);
    const second = changing.page(criteria, { limit: 2, cursor: first.cursor!, today: fixtureToday });
    expect(second.hits.map((h) => h.id)).toEqual(["d-ic-training", "e-volunteer"]);
  });

  it("rejects a cursor it did not write, or one from another sort", () => {
    const page = index.page({ ...base, ...all }, { limit: 2, today: fixtureToday });
    const options = { limit: 2, today: fixtureToday };
    expect(() => index.page({ ...base, sort: "deadline" }, { ...options, cursor: page.cursor! })).toThrow(
      InvalidCursorError,
    );
    expect(() => index.page(base, { ...options, cursor: "not-a-cursor" })).toThrow(InvalidCursorError);
    const forged = Buffer.from(JSON.stringify({ s: "newest", k: [{}, 1] })).toString("base64url");
    expect(() => index.page(base, { ...options, cursor: forged })).toThrow(InvalidCursorError);
  });
});

describe("index changes and snapshots", () => {
  it("replaces a listing's document and ignores an older version arriving late", () => {
    const changing = ListingSearchIndex.fromDocuments(fixtureDocuments());
    const [doc] = fixtureDocuments();
    expect(changing.upsert({ ...doc!, title: "Kỹ sư robot", updatedAt: "2026-01-20T00:00:00.000Z" })).toBe(true);
    expect(ids({ q: "robot" }, changing)).toEqual(["a-embedded"]);
    expect(ids({ q: "thuc tap sinh" })).toEqual(["a-embedded"]);
    expect(changing.matches({ ...base, q: "thuc tap sinh" }, fixtureToday, true).hits).toEqual([]);
    expect(changing.upsert(doc!)).toBe(false);
    expect(ids({ q: "robot" }, changing)).toEqual(["a-embedded"]);
    expect(changing.remove("a-embedded", "2026-01-01T00:00:00.000Z")).toBe(false);
    expect(changing.remove("a-embedded")).toBe(true);
    expect(ids({ q: "robot" }, changing)).toEqual([]);
  });

  it("round-trips through a snapshot: same results, and the header tells its age", () => {
    const text = index.toSnapshot("table@1", new Date("2026-02-01T00:00:00Z"));
    const restored = ListingSearchIndex.fromSnapshot(text)!;
    expect(restored.meta).toEqual({
      format: snapshotFormat,
      savedAt: "2026-02-01T00:00:00.000Z",
      source: "table@1",
      documentCount: 5,
      newestSortAt: "2026-01-12T08:00:00.000Z",
      newestUpdatedAt: "2026-01-12T08:00:00.000Z",
    });
    for (const criteria of [{ q: "lap trinh nhung" }, { q: "vi mach" }, { deadlineAhead: false }, { paid: true }]) {
      // `work` says what each answer cost (the first index has this query cached): the results are the same.
      const { work: _, ...before } = index.page({ ...base, ...criteria }, { limit: 50, today: fixtureToday });
      const { work: __, ...after } = restored.index.page({ ...base, ...criteria }, { limit: 50, today: fixtureToday });
      expect(after).toEqual(before);
    }
  });

  it("does not load a snapshot of another format (it is rebuilt instead)", () => {
    const text = JSON.stringify({ ...JSON.parse(index.toSnapshot(null)), format: "ketnoi-search/0" });
    expect(ListingSearchIndex.fromSnapshot(text)).toBeUndefined();
  });
});
