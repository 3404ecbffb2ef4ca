import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { orgPeople } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { fetchListing } from "../listings/api";
import { fetchRanking, type PlacementRanking, saveRanking } from "./api";
import { matchingMessages } from "./messages";
import { ReorderList } from "./ReorderList";
import { useAction } from "./round-parts";

const idsOf = (ranking: PlacementRanking) => ranking.items.map((item) => item.candidateId);

/** The order of a listing's applicants, rearranged with the keyboard and saved while the round is open. */
function RankingEditor(props: { roundId: string; ranking: PlacementRanking; onReload: () => void }) {
  const { t } = useCatalog(matchingMessages);
  const [saved, setSaved] = createSignal(props.ranking);
  const [order, setOrder] = createSignal(idsOf(props.ranking));
  const [status, setStatus] = createSignal("");
  const { busy, failure, act } = useAction();
  const itemOf = (id: string) => saved().items.find((item) => item.candidateId === id);
  const labelOf = (id: string) => itemOf(id)?.label ?? id;
  const dirty = () => order().join() !== idsOf(saved()).join();
  // Codes that only fresh data can fix: the round ran meanwhile, or the applicants changed.
  const stale = () => ["round_closed", "validation_failed", "not_found"].includes(failure()?.code ?? "");

  async function save() {
    const result = await act(() => saveRanking(props.roundId, props.ranking.listingId, order()));
    if (result) {
      setSaved(result);
      setOrder(idsOf(result));
      setStatus(t("ranking.saved"));
    }
  }

  return (
    <Show when={saved().items.length > 0} fallback={<p class="empty">{t("ranking.empty")}</p>}>
      <p class="badge">{t(saved().edited ? "ranking.edited" : "ranking.automatic")}</p>
      <Show when={!saved().editable}>
        <p class="notice">{t("ranking.closed")}</p>
      </Show>
      <h2>{t("ranking.order")}</h2>
      <ReorderList
        items={order()}
        label={t("ranking.order")}
        nameOf={labelOf}
        editable={saved().editable}
        onChange={(next) => {
          setStatus("");
          setOrder(next);
        }}
      >
        {(id) => (
          <span>
            <strong>{labelOf(id)}</strong> · {t("forYou.score", { score: itemOf(id)?.score ?? 0 })}
          </span>
        )}
      </ReorderList>
      <Show when={saved().editable}>
        <Show when={dirty()}>
          <p class="hint">{t("ranking.unsaved")}</p>
        </Show>
        <ActionError
          error={failure()}
          onReload={props.onReload}
          extra={{ round_closed: t("ranking.roundClosed"), validation_failed: t("ranking.changed") }}
        />
        <p class="actions">
          <button type="button" class="button" disabled={busy() || !dirty()} onClick={() => void save()}>
            {t("ranking.save")}
          </button>
          <Show when={dirty()}>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setOrder(idsOf(saved()));
                setStatus(t("ranking.undone"));
              }}
            >
              {t("ranking.undo")}
            </button>
          </Show>
          <Show when={stale()}>
            <button type="button" class="button button-secondary" onClick={() => props.onReload()}>
              {t("ranking.reload")}
            </button>
          </Show>
        </p>
        <p class="hint">{t("ranking.ties")}</p>
        <p class="hint">{t("ranking.later")}</p>
      </Show>
      <p role="status">{status()}</p>
    </Show>
  );
}

/**
 * `/phan-bo/:id/xep-hang/:listingId`: the members of a listing's organisation see the students who chose it in a
 * placement round (pseudonymous, by fit) and may reorder them until the round runs.
 */
export default function RankingPage() {
  const { t, pick } = useCatalog(matchingMessages);
  const params = useParams<{ id: string; listingId: string }>();
  const [listing] = createResource(() => params.listingId, fetchListing);
  const [ranking, { refetch }] = createResource(
    () => [params.id, params.listingId] as const,
    ([roundId, listingId]) => fetchRanking(roundId, listingId),
  );
  return (
    <Page title={t("ranking.title")} audience={orgPeople}>
      {() => (
        <>
          <Show when={listing()}>
            {(l) => (
              <p class="muted">
                {pick(l().title)} · {l().orgName}
              </p>
            )}
          </Show>
          <p class="lead">{t("ranking.intro")}</p>
          <Async resource={ranking} onRetry={() => void refetch()}>
            {(value) => (
              // The editor starts from the ranking it is given; its reload asks for fresh data to start over from, so
              // a new ranking mounts a new editor (the old one stays while the reload runs).
              <Show when={value()} keyed>
                {(ranking) => <RankingEditor roundId={params.id} ranking={ranking} onReload={() => void refetch()} />}
              </Show>
            )}
          </Async>
          <Show when={listing()}>
            {(l) => (
              <p>
                <A href={paths.orgPlacement(l().orgId)}>{t("ranking.back")}</A>
              </p>
            )}
          </Show>
        </>
      )}
    </Page>
  );
}
