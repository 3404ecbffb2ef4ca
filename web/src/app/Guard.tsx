import type { Me } from "@ketnoi/core";
import { A, useLocation } from "@solidjs/router";
import { type JSX, Match, Switch } from "solid-js";
import { can } from "./can";
import { useCatalog } from "./i18n/i18n";
import { type SharedKey, sharedMessages } from "./i18n/shared";
import { paths } from "./paths";
import { Loading } from "./Status";
import { session } from "./session/session";
import { usePageTitle } from "./title";

/** Who a page is for: a test on the signed-in user, and how to name them when someone else arrives. */
export interface Audience {
  allows: (me: Me) => boolean;
  who: SharedKey;
}

/** Anyone signed in. */
export const signedIn: Audience = { allows: () => true, who: "guard.who.student" };

export const students: Audience = { allows: (me) => me.role === "student", who: "guard.who.student" };
export const verifiers: Audience = {
  allows: (me) => can(me, "organisation:verify"),
  who: "guard.who.verifier",
};
/** Members of one organisation (platform admins act for any). */
export const membersOf = (orgId: string): Audience => ({
  allows: (me) => can(me, "member:list", { orgId }),
  who: "guard.who.org",
});
/** Anyone who can act for organisations: staff, recruiters and admins. */
export const orgPeople: Audience = {
  allows: (me) => me.role === "staff" || me.role === "recruiter" || me.role === "admin",
  who: "guard.who.org",
};

/** Names the tab while the page is blocked; the page itself names it once it renders. */
function BlockedTitle(props: { text: string }) {
  usePageTitle(() => props.text);
  return null;
}

/**
 * Renders its children only for the audience; otherwise explains why (sign in first, or not your page) instead
 * of showing an empty page or a raw 403.
 */
export function Guard(props: { audience: Audience; children: (me: Me) => JSX.Element }) {
  const { t } = useCatalog(sharedMessages);
  const location = useLocation();
  const me = () => session.me();
  const blocked = () => {
    const current = me();
    if (!current) return session.status() === "loading" ? undefined : "signIn";
    return props.audience.allows(current) ? undefined : "forbidden";
  };
  return (
    <Switch>
      <Match when={!me() && session.status() === "loading"}>
        <Loading />
      </Match>
      <Match when={blocked() === "signIn"}>
        <BlockedTitle text={t("guard.signInTitle")} />
        <h1>{t("guard.signInTitle")}</h1>
        <p>{t("guard.signInBody")}</p>
        <p>
          <A href={paths.signIn(location.pathname)} class="button">
            {t("guard.signInLink")}
          </A>
        </p>
      </Match>
      <Match when={blocked() === "forbidden"}>
        <BlockedTitle text={t("guard.forbiddenTitle")} />
        <h1>{t("guard.forbiddenTitle")}</h1>
        <p>{t("guard.forbiddenBody", { who: t(props.audience.who), role: t(`role.${me()!.role}`) })}</p>
      </Match>
      <Match when={me()}>{(current) => props.children(current())}</Match>
    </Switch>
  );
}
