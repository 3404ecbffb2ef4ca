import type { ApplicationStep } from "@ketnoi/core";
import { applicationStatusLabels } from "@ketnoi/core/pipeline";
import { For, Show } from "solid-js";
import { formatDateTime } from "../features/listings/format";
import { useI18n } from "./i18n/i18n";

/**
 * An application's steps in order, each with its time, who made it and any reason: the student always knows
 * where an application stands and how it got there.
 */
export function Timeline(props: {
  steps: readonly ApplicationStep[];
  byLabel: (by: ApplicationStep["by"]) => string;
  reasonLabel: (reason: string) => string;
  label: string;
}) {
  const { lang, locale } = useI18n();
  return (
    <ol class="timeline" aria-label={props.label}>
      <For each={props.steps}>
        {(step, index) => (
          <li classList={{ current: index() === props.steps.length - 1 }}>
            <span class="timeline-status">{applicationStatusLabels[step.status][lang()]}</span>{" "}
            <span class="muted">
              <time datetime={step.at}>{formatDateTime(step.at, locale())}</time> · {props.byLabel(step.by)}
            </span>
            <Show when={step.reason}>{(reason) => <p class="timeline-reason">{props.reasonLabel(reason())}</p>}</Show>
          </li>
        )}
      </For>
    </ol>
  );
}
