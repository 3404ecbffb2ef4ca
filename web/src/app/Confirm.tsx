import { createUniqueId, type JSX, onMount, Show } from "solid-js";
import { useCatalog } from "./i18n/i18n";
import { sharedMessages } from "./i18n/shared";

/**
 * An inline confirmation that states the consequence before an action that cannot simply be undone (accepting an
 * offer, running a round, rejecting, erasing). `when` false shows the trigger; true shows the consequence with
 * the confirm and cancel buttons, focused so keyboard and screen-reader users land on it.
 */
export function Confirm(props: {
  when: boolean;
  trigger: JSX.Element;
  consequence: JSX.Element;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}) {
  const { t } = useCatalog(sharedMessages);
  return (
    <Show when={props.when} fallback={props.trigger}>
      <ConsequenceBox {...props} cancelLabel={t("form.cancel")} />
    </Show>
  );
}

function ConsequenceBox(props: {
  consequence: JSX.Element;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}) {
  let box: HTMLDivElement | undefined;
  const id = createUniqueId();
  onMount(() => box?.focus());
  return (
    <div class="confirm notice" role="alertdialog" aria-labelledby={id} tabIndex={-1} ref={box}>
      <div id={id}>{props.consequence}</div>
      <p class="actions">
        <button
          type="button"
          class={props.danger ? "button button-danger" : "button"}
          disabled={props.busy}
          onClick={() => props.onConfirm()}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
          {props.cancelLabel}
        </button>
      </p>
    </div>
  );
}
