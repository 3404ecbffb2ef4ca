import { VolunteerHoursSchema } from "@ketnoi/core/schemas/application";
import { createSignal, Show } from "solid-js";
import * as v from "valibot";
import { ActionError } from "../../app/ActionError";
import type { ApiError } from "../../app/api/client";
import { useCatalog } from "../../app/i18n/i18n";
import { type Application, recordHours } from "./api";
import { orgMessages } from "./messages";

/**
 * The hours an accepted volunteer served, recorded by the community digital technology team. Validated with the
 * API's own schema (half-hour steps) before sending.
 */
export function VolunteerHours(props: { application: Application; name: string; onSaved: (a: Application) => void }) {
  const { t } = useCatalog(orgMessages);
  const [value, setValue] = createSignal(String(props.application.hoursServed ?? ""));
  const [invalid, setInvalid] = createSignal(false);
  const [error, setError] = createSignal<ApiError>();
  const [saved, setSaved] = createSignal<number>();
  const id = () => `hours-${props.application.id}`;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const body = { hours: Number(value().replace(",", ".")), version: props.application.version };
    if (!v.safeParse(VolunteerHoursSchema, body).success) return setInvalid(true);
    setInvalid(false);
    try {
      const updated = await recordHours(props.application.id, body);
      setError(undefined);
      setSaved(body.hours);
      props.onSaved(updated);
    } catch (caught) {
      setError(caught as ApiError);
    }
  }

  return (
    <form class="hours-form" onSubmit={(event) => void save(event)}>
      <label for={id()}>{t("board.hours", { name: props.name })}</label>
      <input
        id={id()}
        inputMode="decimal"
        value={value()}
        aria-invalid={invalid()}
        aria-describedby={invalid() ? `${id()}-error` : undefined}
        onInput={(event) => setValue(event.currentTarget.value)}
      />
      <button type="submit" class="button button-small">
        {t("board.hoursSave")}
      </button>
      <Show when={invalid()}>
        <p id={`${id()}-error`} class="field-error">
          {t("board.hoursInvalid")}
        </p>
      </Show>
      <Show when={saved() !== undefined}>
        <p role="status">{t("board.hoursSaved", { hours: saved()!, name: props.name })}</p>
      </Show>
      <ActionError error={error()} extra={{}} onReload={() => setError(undefined)} />
    </form>
  );
}
