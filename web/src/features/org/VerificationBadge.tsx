import { Match, Switch } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { VerifiedBadge } from "../listings/ListingCard";
import type { Organisation } from "./api";
import { orgMessages } from "./messages";
import "./org.css";

/** The organisation's verification state: the verified badge, or "chờ xác minh" / rejected, said in words. */
export function VerificationBadge(props: { status: Organisation["verification"] }) {
  const { t } = useCatalog(orgMessages);
  return (
    <Switch>
      <Match when={props.status === "verified"}>
        <VerifiedBadge />
      </Match>
      <Match when={props.status === "pending"}>
        <span class="badge badge-pending">{t("verification.pending")}</span>
      </Match>
      <Match when={props.status === "rejected"}>
        <span class="badge badge-rejected">
          <span aria-hidden="true">✗ </span>
          {t("verification.rejected")}
        </span>
      </Match>
      <Match when={props.status === "suspended"}>
        <span class="badge badge-rejected">
          <span aria-hidden="true">✗ </span>
          {t("verification.suspended")}
        </span>
      </Match>
    </Switch>
  );
}
