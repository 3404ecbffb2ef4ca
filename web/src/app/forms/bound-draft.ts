import { createEffect, untrack } from "solid-js";
import { createStore, reconcile, type SetStoreFunction, unwrap } from "solid-js/store";

/** What identifies one stored state of a record: a new id or version means the form must start from it again. */
function stateOf(record: unknown): string {
  if (record === null || record === undefined) return "none";
  const { id, userId, version, updatedAt } = record as Record<string, unknown>;
  return JSON.stringify([id ?? userId, version, updatedAt]);
}

/**
 * The one way an edit form holds its inputs: a store seeded from the stored record and seeded again each time a
 * different stored state arrives (the record resolved after the form mounted, or a save returned a new version).
 *
 * Why: a store filled once from a record that has not arrived yet starts empty, and saving it untouched wipes
 * every field (issue 12: the student profile lost school, skills and communes). Deriving the draft from whatever
 * is stored, every time it changes, makes "opens pre-filled" and "untouched save changes nothing" hold for every
 * form that uses this.
 *
 * @example
 * const [draft, setDraft] = createBoundDraft(() => props.profile, (p) => draftFromProfile(p));
 */
export function createBoundDraft<R, D extends object>(
  record: () => R,
  toDraft: (record: R) => D,
): [draft: D, setDraft: SetStoreFunction<D>, reset: () => void] {
  let seeded = stateOf(record());
  const [draft, setDraft] = createStore<D>(toDraft(record()));
  const reset = () => setDraft(reconcile(toDraft(record())));
  // Compared with the state the store was seeded from, not with the effect's first run: the record may already
  // have changed between the form's creation and that first run (a parent's effect set it in between).
  createEffect(() => {
    const state = stateOf(record());
    if (state === seeded) return;
    seeded = state;
    untrack(reset);
  });
  return [draft, setDraft, reset];
}

/** A plain copy of the draft, to convert into the API's input without the store's proxies. */
export const draftValue = <D extends object>(draft: D): D => structuredClone(unwrap(draft));
