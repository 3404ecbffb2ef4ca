import { type CompiledRound, compileIndexedRound, type IndexedPlacementInput, indexPlacementInput } from "./compile";
import { deferredAcceptance, outcomeOf, type PlacementInput, type PlacementOutcome } from "./deferred-acceptance";
import { tieBreakRule } from "./tie-break";

/** Bumped when the engine's behaviour changes, so an audit names the code that produced a result. */
export const placementEngineVersion = "da-hr-1";

export interface PlacementAudit {
  algorithm: "student-proposing deferred acceptance with capacities";
  engineVersion: string;
  /** SHA-256(SHA-256(header) ‖ SHA-256(body)) of `canonicalPlacementParts`, hex (docs/matching.md). */
  inputsHash: string;
  /** SHA-256 (hex) of the assignments as JSON `[[studentId, listingId]…]`: re-running must reproduce it. */
  resultHash: string;
  seed: string;
  tieBreakRule: string;
  counts: {
    students: number;
    listings: number;
    seats: number;
    choices: number;
    rankingEntries: number;
    assigned: number;
    unassigned: number;
    firstChoice: number;
    proposals: number;
  };
}

export interface PlacementRound extends PlacementOutcome {
  audit: PlacementAudit;
}

const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function int32Bytes(values: Int32Array): Uint8Array {
  if (littleEndian) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i]!, true);
  return bytes;
}

/**
 * The two parts `inputsHash` is computed from, in input order:
 * - header: UTF-8 of `JSON.stringify({ v: 1, seed, students: [ids…], listings: [[id, capacity]…] })`;
 * - body: int32 little-endian, one after the other: choiceStart (students + 1 offsets into choices), choices
 *   (listing indices), rankingStart (listings + 1 offsets into ranking), ranking (student indices; −n followed
 *   by n indices for a tie group of n, empty groups left out).
 * inputsHash = SHA-256(SHA-256(header) ‖ SHA-256(body)), hex. Ids are written once, as positions elsewhere, so
 * hashing 2 million entries stays cheap.
 */
export function canonicalPlacementParts(input: PlacementInput): { header: Uint8Array; body: Uint8Array } {
  const indexed = indexPlacementInput(input);
  return indexedPlacementParts(indexed, compileIndexedRound(indexed, { idsChecked: true }));
}

/** `canonicalPlacementParts` of a round given with integer ids (the same bytes for the same round). */
function indexedPlacementParts(
  input: IndexedPlacementInput,
  round: CompiledRound,
): { header: Uint8Array; body: Uint8Array } {
  const header = new TextEncoder().encode(
    JSON.stringify({
      v: 1,
      seed: input.seed,
      students: input.studentIds,
      listings: input.listingIds.map((id, l) => [id, input.capacities[l]]),
    }),
  );
  return { header, body: int32Bytes(round.encoded) };
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** SHA-256(SHA-256(header) ‖ SHA-256(body)) of `canonicalPlacementParts`, hex. */
async function inputsHashOf(parts: { header: Uint8Array; body: Uint8Array }): Promise<string> {
  const [header, body] = await Promise.all([sha256(parts.header), sha256(parts.body)]);
  const both = new Uint8Array(64);
  both.set(header);
  both.set(body, 32);
  return hex(await sha256(both));
}

/**
 * Runs a placement round and its audit record. Pure and deterministic: the same inputs give the same
 * assignments and the same hashes, so re-running a round is safe and checkable.
 * @example const round = await runPlacementRound(input); round.audit.inputsHash
 */
export async function runPlacementRound(input: PlacementInput): Promise<PlacementRound> {
  const indexed = indexPlacementInput(input);
  return runCompiledRound(indexed, compileIndexedRound(indexed, { idsChecked: true }));
}

/**
 * `runPlacementRound` on a round given with integer ids, as the data layer builds it: the same assignments and the
 * same audit (both hashes included) as the round given with string ids, without looking a single id up.
 * @example const round = await runIndexedPlacementRound(indexPlacementInput(input)); round.audit.inputsHash
 */
export async function runIndexedPlacementRound(input: IndexedPlacementInput): Promise<PlacementRound> {
  return runCompiledRound(input, compileIndexedRound(input));
}

async function runCompiledRound(input: IndexedPlacementInput, round: CompiledRound): Promise<PlacementRound> {
  // The digest starts before the engine runs: where the platform hashes off the main thread (Node does), the two
  // overlap. The engine only reads the arrays being hashed.
  const inputsHash = inputsHashOf(indexedPlacementParts(input, round));
  const outcome = outcomeOf(input, round, deferredAcceptance(round));
  const resultHash = hex(
    await sha256(new TextEncoder().encode(JSON.stringify(outcome.assignments.map((a) => [a.studentId, a.listingId])))),
  );
  let seats = 0;
  for (const c of round.capacity) seats += c;
  return {
    ...outcome,
    audit: {
      algorithm: "student-proposing deferred acceptance with capacities",
      engineVersion: placementEngineVersion,
      inputsHash: await inputsHash,
      resultHash,
      seed: input.seed,
      tieBreakRule: tieBreakRule.id,
      counts: {
        students: round.studentCount,
        listings: round.listingCount,
        seats,
        choices: round.choiceStart[round.studentCount]!,
        rankingEntries: round.rankingEntries,
        assigned: outcome.assignments.length,
        unassigned: outcome.unassigned.length,
        firstChoice: outcome.assignments.filter((a) => a.choice === 1).length,
        proposals: outcome.proposals,
      },
    },
  };
}
