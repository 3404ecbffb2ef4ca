import { createSignal, For, type JSX, Show } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { matchingMessages } from "./messages";

/**
 * An ordered list the keyboard can rearrange: each item has "move up" and "move down" buttons named after it,
 * and every move is announced ("X is now at position 2 of 5"). No dragging is needed. Focus stays on the moved
 * item: when it reaches an end, and its button in that direction is disabled, the other button takes the focus.
 */
export function ReorderList(props: {
  /** Item ids, in order; ids must be unique (the list keeps each item's element while it moves). */
  items: readonly string[];
  /** The list's accessible name. */
  label: string;
  /** An item's short name, for its buttons and the announcement. */
  nameOf: (id: string) => string;
  /** What an item shows. */
  children: (id: string) => JSX.Element;
  /** Further buttons of an item (e.g. remove it). */
  actions?: (id: string) => JSX.Element;
  editable: boolean;
  onChange: (items: string[]) => void;
}) {
  const { t } = useCatalog(matchingMessages);
  const [announcement, setAnnouncement] = createSignal("");
  const buttons = new Map<string, { up?: HTMLButtonElement; down?: HTMLButtonElement }>();
  const slot = (id: string) => {
    const found = buttons.get(id);
    if (found) return found;
    const created = {};
    buttons.set(id, created);
    return created as { up?: HTMLButtonElement; down?: HTMLButtonElement };
  };

  function move(id: string, by: -1 | 1) {
    const items = [...props.items];
    const from = items.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= items.length) return;
    [items[from], items[to]] = [items[to]!, items[from]!];
    props.onChange(items);
    setAnnouncement(t("reorder.moved", { name: props.nameOf(id), position: to + 1, total: items.length }));
    const own = slot(id);
    const atEnd = to === 0 || to === items.length - 1;
    (atEnd ? (by < 0 ? own.down : own.up) : by < 0 ? own.up : own.down)?.focus();
  }

  return (
    <>
      <ol aria-label={props.label}>
        <For each={props.items}>
          {(id, i) => (
            <li>
              {props.children(id)}
              <Show when={props.editable}>
                <div class="actions">
                  <button
                    type="button"
                    class="button button-small button-secondary"
                    ref={(el) => {
                      slot(id).up = el;
                    }}
                    disabled={i() === 0}
                    aria-label={t("reorder.up", { name: props.nameOf(id) })}
                    onClick={() => move(id, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    class="button button-small button-secondary"
                    ref={(el) => {
                      slot(id).down = el;
                    }}
                    disabled={i() === props.items.length - 1}
                    aria-label={t("reorder.down", { name: props.nameOf(id) })}
                    onClick={() => move(id, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  {props.actions?.(id)}
                </div>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
    </>
  );
}
