import { TextArea } from "../../app/forms/fields";
import { useCatalog } from "../../app/i18n/i18n";
import { sharedMessages } from "../../app/i18n/shared";

/**
 * The inline confirmation that asks for a reason or a note before a change the other side is told about
 * (cancelling an interview, withdrawing an offer, asking for other times): the button stays off until the text
 * has something in it.
 */
export function ReasonConfirm(props: {
  legend: string;
  name: string;
  label: string;
  confirmLabel: string;
  text: string;
  onInput: (text: string) => void;
  busy: boolean;
  danger?: boolean;
  small?: boolean;
  onConfirm: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useCatalog(sharedMessages);
  const size = () => (props.small ? " button-small" : "");
  return (
    <fieldset class="confirm notice">
      <legend>{props.legend}</legend>
      <TextArea name={props.name} label={props.label} required rows={2} value={props.text} onInput={props.onInput} />
      <p class="actions">
        <button
          type="button"
          class={`button${size()}${props.danger ? " button-danger" : ""}`}
          disabled={props.busy || !props.text.trim()}
          onClick={() => props.onConfirm(props.text.trim())}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class={`button${size()} button-secondary`} onClick={() => props.onCancel()}>
          {t("form.cancel")}
        </button>
      </p>
    </fieldset>
  );
}
