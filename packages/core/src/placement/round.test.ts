import { describe, expect, it } from "vitest";
import { aListing, aStudent } from "../matching/fixtures";
import { applyEditedOrder, automaticRanking } from "./automatic-ranking";
import type { PlacementInput } from "./deferred-acceptance";
import { placementGuarantees } from "./guarantees";
import { canonicalPlacementParts, runPlacementRound } from "./round";
import { breakTies, tieBreakKey, tieBreakRule } from "./tie-break";

const input: PlacementInput = {
  seed: "2026-hk1-dong-nai",
  students: [
    { id: "an", choices: ["chip", "robot"] },
    { id: "binh", choices: ["chip"] },
    { id: "chi", choices: ["robot", "chip"] },
  ],
  listings: [
    { id: "chip", capacity: 1, ranking: [["an", "binh"], "chi"] },
    { id: "robot", capacity: 2, ranking: ["chi", "an"] },
  ],
};

describe("runPlacementRound", () => {
  it("records an audit: algorithm, seed, rule, counts and hashes of inputs and result", async () => {
    const round = await runPlacementRound(input);
    expect(round.audit).toMatchObject({
      algorithm: "student-proposing deferred acceptance with capacities",
      seed: "2026-hk1-dong-nai",
      tieBreakRule: tieBreakRule.id,
      counts: { students: 3, listings: 2, seats: 3, choices: 5, rankingEntries: 5, assigned: 3, unassigned: 0 },
    });
    expect(round.audit.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(round.audit.resultHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is idempotent: the same inputs give the same assignments and hashes", async () => {
    expect(await runPlacementRound(structuredClone(input))).toEqual(await runPlacementRound(input));
  });

  it("changes the inputs hash when any input changes, the seed included", async () => {
    const a = await runPlacementRound(input);
    const b = await runPlacementRound({ ...input, seed: "another-seed" });
    expect(b.audit.inputsHash).not.toBe(a.audit.inputsHash);
    const { header, body } = canonicalPlacementParts(input);
    // choiceStart [0,2,3,5], choices (listing positions) [0,1, 0, 1,0], rankingStart [0,4,6], ranking [−2,0,1,2, 2,0].
    expect([...new Int32Array(body.buffer, body.byteOffset, body.byteLength / 4)]).toEqual([
      0, 2, 3, 5, 0, 1, 0, 1, 0, 0, 4, 6, -2, 0, 1, 2, 2, 0,
    ]);
    expect(JSON.parse(new TextDecoder().decode(header))).toEqual({
      v: 1,
      seed: "2026-hk1-dong-nai",
      students: ["an", "binh", "chi"],
      listings: [
        ["chip", 1],
        ["robot", 2],
      ],
    });
  });
});

describe("tie-break rule", () => {
  it("is FNV-1a 32-bit, checkable against the published test vectors", () => {
    // FNV-1a("a") = 0xe40c292c and FNV-1a(":") = 0x3f0cb86d; the key hashes `${seed}:${studentId}`.
    expect(tieBreakKey("", "")).toBe(0x3f0cb86d);
    expect(tieBreakKey("2026-hk1", "sv-0001")).toBe(0xec0431db);
    // Non-ASCII text is hashed as its UTF-8 bytes.
    expect(tieBreakKey("đợt-1", "sinh-viên")).toBe(0x509c9e1e);
  });

  it("orders a group by key then id, the same way on every call", () => {
    const ids = ["sv-3", "sv-1", "sv-2", "sv-4"];
    const once = breakTies("seed", [...ids]);
    expect(breakTies("seed", [...ids].reverse())).toEqual(once);
    const keys = once.map((id) => tieBreakKey("seed", id));
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });
});

describe("automaticRanking", () => {
  it("ranks applicants by score and groups equal scores as ties", () => {
    const ranking = automaticRanking(aListing(), [
      aStudent({ userId: "twin-b" }),
      aStudent({ userId: "weaker", skills: [{ id: "embedded-c", level: 3 }] }),
      aStudent({ userId: "twin-a" }),
    ]);
    expect(ranking).toEqual([["twin-a", "twin-b"], "weaker"]);
  });
});

describe("applyEditedOrder", () => {
  it("puts the organisation's order first and keeps the others in automatic order, ties intact", () => {
    const automatic = ["a", ["b", "c", "d"], "e"];
    expect(applyEditedOrder(automatic, ["e", "c"])).toEqual(["e", "c", "a", ["b", "d"]]);
    expect(applyEditedOrder(automatic, ["c", "b"])).toEqual(["c", "b", "a", "d", "e"]);
  });

  it("drops ids that are no longer applicants and keeps the automatic ranking when nothing was edited", () => {
    const automatic = ["a", ["b", "c"]];
    expect(applyEditedOrder(automatic, ["gone", "b"])).toEqual(["b", "a", "c"]);
    expect(applyEditedOrder(automatic, [])).toEqual(automatic);
  });
});

describe("placementGuarantees", () => {
  it("explains in both languages that stable is not everyone's first choice", () => {
    expect(placementGuarantees.vi.points.join(" ")).toContain("không có nghĩa là ai cũng được nguyện vọng 1");
    expect(placementGuarantees.en.points.join(" ")).toContain("does not mean everyone gets their first choice");
    expect(placementGuarantees.vi.points).toHaveLength(placementGuarantees.en.points.length);
  });
});
