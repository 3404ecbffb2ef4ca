import { skillAreas, skills } from "@ketnoi/core/skills";
import { foldVietnamese } from "@ketnoi/core/text";
import { createSignal, For, type JSX, Show } from "solid-js";
import { useCatalog } from "../i18n/i18n";
import { sharedMessages } from "../i18n/shared";
import { fieldId } from "./fields";
import { skillName as skillLabel } from "./options";

// Folded labels and synonyms of every skill, built once: "react" finds React, "lap trinh" finds "Lập trình…".
const searchText = new Map(
  skills.map((skill) => [skill.id, foldVietnamese([skill.vi, skill.en, ...skill.synonyms].join(" | "))]),
);

/**
 * Picks skills from the core taxonomy (over 200 skills): a filter box that matches labels and synonyms with or
 * without diacritics, and otherwise one collapsed section per area, whose checkboxes are only built when opened,
 * so a cheap phone is not asked to lay out hundreds of them. A live line says what is chosen.
 */
export function SkillPicker(props: {
  name: string;
  legend: string;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t, lang } = useCatalog(sharedMessages);
  const [filter, setFilter] = createSignal("");
  const [openAreas, setOpenAreas] = createSignal<ReadonlySet<string>>(new Set());
  const id = () => fieldId(props.name);
  const needle = () => foldVietnamese(filter());
  const groups = () =>
    Object.entries(skillAreas)
      .map(([area, label]) => ({
        area,
        label: label[lang()],
        options: skills.filter(
          (skill) => skill.area === area && (!needle() || searchText.get(skill.id)!.includes(needle())),
        ),
      }))
      .filter((group) => group.options.length > 0);
  const toggle = (value: string, on: boolean) => {
    const rest = props.selected.filter((v) => v !== value);
    props.onChange(on ? [...rest, value] : rest);
  };
  const chosenIn = (group: { options: readonly { id: string }[] }) =>
    group.options.filter((o) => props.selected.includes(o.id)).length;
  const checkboxes = (group: ReturnType<typeof groups>[number]): JSX.Element => (
    <div class="check-list">
      <For each={group.options}>
        {(skill) => (
          <label class="check">
            <input
              type="checkbox"
              name={props.name}
              value={skill.id}
              checked={props.selected.includes(skill.id)}
              aria-invalid={props.error ? "true" : undefined}
              aria-describedby={props.error ? `${id()}-error` : undefined}
              onChange={(event) => toggle(skill.id, event.currentTarget.checked)}
            />
            <span>{skill[lang()]}</span>
          </label>
        )}
      </For>
    </div>
  );
  return (
    <fieldset class="field skill-picker" aria-describedby={props.error ? `${id()}-error` : undefined}>
      <legend>{props.legend}</legend>
      <p class="hint" aria-live="polite">
        {props.selected.length > 0
          ? t("skills.chosen", { list: props.selected.map((s) => skillLabel(s, lang())).join(", ") })
          : t("skills.none")}
      </p>
      <label for={`${id()}-filter`}>{t("skills.filter")}</label>
      <input
        id={`${id()}-filter`}
        type="search"
        class="skill-filter"
        aria-describedby={`${id()}-filter-hint`}
        value={filter()}
        onInput={(event) => setFilter(event.currentTarget.value)}
      />
      <p class="hint" id={`${id()}-filter-hint`}>
        {t("skills.filterHint")}
      </p>
      <div class="skill-options">
        <Show when={groups().length > 0} fallback={<p class="muted">{t("skills.noMatch")}</p>}>
          <For each={groups()}>
            {(group) => (
              <Show
                when={!needle()}
                fallback={
                  <fieldset class="skill-group">
                    <legend class="group-label">{group.label}</legend>
                    {checkboxes(group)}
                  </fieldset>
                }
              >
                <details
                  class="skill-area"
                  open={openAreas().has(group.area)}
                  onToggle={(event) => {
                    const open = event.currentTarget.open;
                    setOpenAreas((areas) => {
                      const next = new Set(areas);
                      if (open) next.add(group.area);
                      else next.delete(group.area);
                      return next;
                    });
                  }}
                >
                  <summary>
                    {chosenIn(group) > 0
                      ? t("skills.areaChosen", { area: group.label, count: chosenIn(group) })
                      : group.label}
                  </summary>
                  <Show when={openAreas().has(group.area)}>{checkboxes(group)}</Show>
                </details>
              </Show>
            )}
          </For>
        </Show>
      </div>
      <Show when={props.error}>
        <p class="field-error" id={`${id()}-error`}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}
