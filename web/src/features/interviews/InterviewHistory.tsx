import type { Interview } from "@ketnoi/core";
import { interviewEventLabels } from "@ketnoi/core/interview";
import { For, Show } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { formatDateTime } from "../listings/format";
import { interviewMessages } from "./messages";

/** Every change of an interview, oldest first: who did what, when, and the reason or note they gave. */
export function InterviewHistory(props: { interview: Interview }) {
  const { t, lang, locale } = useCatalog(interviewMessages);
  return (
    <Show when={props.interview.history.length > 0}>
      <details class="interview-history">
        <summary>{t("iv.history")}</summary>
        <ol class="timeline">
          <For each={props.interview.history}>
            {(event) => (
              <li>
                <strong>{interviewEventLabels[event.kind][lang()]}</strong> {t(`iv.by.${event.by}`)} —{" "}
                <time datetime={event.at}>{formatDateTime(event.at, locale())}</time>
                <Show when={event.note}>{(note) => <p class="muted">{note()}</p>}</Show>
              </li>
            )}
          </For>
        </ol>
      </details>
    </Show>
  );
}
