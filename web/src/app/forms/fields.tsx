import { For, type JSX, Show, splitProps } from "solid-js";
import { useCatalog } from "../i18n/i18n";
import { sharedMessages } from "../i18n/shared";
import type { FieldErrors } from "./validation";

/** The element id of a field, from its schema path: `name.vi` → `f-name-vi`. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9]+/g, "-")}`;
}

/** The ids a control is described by: its hint and its error, when shown. */
function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : "", error ? `${fieldId(name)}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Label(props: { for?: string; text: string; required?: boolean | undefined }) {
  const { t } = useCatalog(sharedMessages);
  return (
    <label for={props.for}>
      {props.text}
      <Show when={props.required}>
        <span class="required-mark" title={t("form.required")}>
          {" *"}
          <span class="visually-hidden">({t("form.required")})</span>
        </span>
      </Show>
    </label>
  );
}

function HintAndError(props: { name: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      <Show when={props.hint}>
        <p class="hint" id={`${fieldId(props.name)}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${fieldId(props.name)}-error`}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      </Show>
    </>
  );
}

interface BaseProps {
  /** The schema path the value goes to; also the key of its error. */
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

type InputAttributes = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "value" | "onInput" | "name" | "required">;

/** A labelled text (or date, time, number, url, email) input whose error and hint are announced with it. */
export function TextField(props: BaseProps & { value: string; onInput: (value: string) => void } & InputAttributes) {
  const id = () => fieldId(props.name);
  const [, rest] = splitProps(props, ["name", "label", "error", "hint", "required", "value", "onInput"]);
  return (
    <div class="field">
      <Label for={id()} text={props.label} required={props.required} />
      <input
        {...rest}
        id={id()}
        name={props.name}
        value={props.value}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <HintAndError name={props.name} hint={props.hint} error={props.error} />
    </div>
  );
}

/** A labelled multi-line text box. */
export function TextArea(
  props: BaseProps & { value: string; onInput: (value: string) => void; rows?: number; lang?: string },
) {
  const id = () => fieldId(props.name);
  return (
    <div class="field">
      <Label for={id()} text={props.label} required={props.required} />
      <textarea
        id={id()}
        name={props.name}
        rows={props.rows ?? 5}
        lang={props.lang}
        value={props.value}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <HintAndError name={props.name} hint={props.hint} error={props.error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled drop-down; `placeholder` is the empty first option (a "choose" prompt or "none"). */
export function SelectField(
  props: BaseProps & { value: string; onChange: (value: string) => void; options: Option[]; placeholder?: string },
) {
  const id = () => fieldId(props.name);
  return (
    <div class="field">
      <Label for={id()} text={props.label} required={props.required} />
      <select
        id={id()}
        name={props.name}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="" selected={props.value === ""}>
            {props.placeholder}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <HintAndError name={props.name} hint={props.hint} error={props.error} />
    </div>
  );
}

/** A group of checkboxes under a legend (sectors, majors, years…); each box carries the group's error. */
export function CheckboxGroup(
  props: Omit<BaseProps, "label"> & {
    legend: string;
    options: Option[];
    selected: readonly string[];
    onChange: (selected: string[]) => void;
  },
) {
  const toggle = (value: string, on: boolean) => {
    const next = props.selected.filter((v) => v !== value);
    props.onChange(on ? [...next, value] : next);
  };
  return (
    <fieldset class="field checks" aria-describedby={describedBy(props.name, props.hint, props.error)}>
      <legend>
        {props.legend}
        <Show when={props.required}>
          <span class="required-mark" aria-hidden="true">
            {" *"}
          </span>
        </Show>
      </legend>
      <div class="check-list">
        <For each={props.options}>
          {(option) => (
            <label class="check">
              <input
                type="checkbox"
                name={props.name}
                value={option.value}
                checked={props.selected.includes(option.value)}
                aria-invalid={props.error ? "true" : undefined}
                aria-describedby={props.error ? `${fieldId(props.name)}-error` : undefined}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              />
              <span>{option.label}</span>
            </label>
          )}
        </For>
      </div>
      <HintAndError name={props.name} hint={props.hint} error={props.error} />
    </fieldset>
  );
}

/**
 * The list of what to fix, announced when a submit fails. Focus goes to the first invalid field; the summary is
 * the fallback target when the error belongs to no visible field.
 */
export function ErrorSummary(props: { errors: FieldErrors; message?: string | undefined }) {
  const { t } = useCatalog(sharedMessages);
  const count = () => Object.keys(props.errors).length;
  return (
    <Show when={count() > 0 || props.message}>
      <div class="error-box error-summary" role="alert" tabIndex={-1}>
        <p class="error-title">{props.message ?? t("form.summary", { count: count() })}</p>
      </div>
    </Show>
  );
}
