import { createSignal } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { type ApiError, toApiError } from "../api/client";
import { apiFieldErrors, type FieldErrors, focusFirstError } from "./validation";

/**
 * The one way an edit form reports: field errors (from its own check or the API's 400), a failure that belongs to no
 * field, and whether a save is under way. `refuse` shows a check's errors and moves focus to the first; `send` runs
 * the save, and an ApiError lands on its fields when it names them, else as the failure; focus follows either way.
 * The student profile, the organisation profile and the listing editor all report like this (they repeated it).
 * @example
 * const state = createFormState();
 * if (!checked.ok) return state.refuse(checked.errors);
 * await state.send(() => props.submit(checked.value));
 */
export function createFormState() {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;
  return {
    errors,
    setErrors,
    failure,
    busy,
    /** The form element's ref, for focusing its first invalid field. */
    ref: (element: HTMLFormElement) => {
      form = element;
    },
    refuse(found: FieldErrors) {
      setFailure(undefined);
      setErrors(found);
      focusFirstError(form);
    },
    async send(save: () => Promise<unknown>) {
      setFailure(undefined);
      setErrors({});
      setBusy(true);
      try {
        await save();
      } catch (caught) {
        const error = toApiError(caught);
        const fieldErrors = apiFieldErrors(error);
        setErrors(fieldErrors);
        if (Object.keys(fieldErrors).length === 0) setFailure(error);
        focusFirstError(form);
      } finally {
        setBusy(false);
      }
    },
  };
}

type KeysOf<D, V> = { [K in keyof D]: D[K] extends V ? K : never }[keyof D] & string;

/**
 * Binds a form's inputs to its draft store and its errors: `text` for TextField and TextArea, `choice` for
 * SelectField, `list` for CheckboxGroup and SkillPicker. `name` is the schema path the value goes to (and the key of
 * its error) when it differs from the draft's key (`title.vi` for `titleVi`). The value and the error are getters, so
 * the bound props stay reactive when spread into a field (Solid's spread keeps getters; a plain object would not).
 * @example <TextField {...bind.text("nameVi", "name.vi")} label={t("org.field.nameVi")} required />
 */
export function bindDraft<D extends object>(draft: D, setDraft: SetStoreFunction<D>, errors: () => FieldErrors) {
  // biome-ignore lint/suspicious/noExplicitAny: a store setter called with one top-level key of the draft.
  const set = setDraft as (key: string, value: any) => void;
  function bound<V, H extends object, P extends string>(name: string, valueProp: P, read: () => V, handlers: H) {
    return Object.defineProperties(
      { name, ...handlers },
      {
        [valueProp]: { get: read, enumerable: true },
        error: { get: () => errors()[name], enumerable: true },
      },
    ) as H & { name: string; readonly error: string | undefined } & { readonly [key in P]: V };
  }
  return {
    text: <K extends KeysOf<D, string>>(key: K, name: string = key) =>
      bound(name, "value", () => draft[key] as string, { onInput: (value: string) => set(key, value) }),
    choice: <K extends KeysOf<D, string>>(key: K, name: string = key) =>
      bound(name, "value", () => draft[key] as string, { onChange: (value: string) => set(key, value) }),
    list: <K extends KeysOf<D, string[]>>(key: K, name: string = key) =>
      bound(name, "selected", () => draft[key] as string[], { onChange: (list: string[]) => set(key, list) }),
  };
}
