import type { Me } from "@ketnoi/core";
import type { MessageKey } from "./i18n/i18n";
import { paths } from "./paths";

/** One link of the main menu. */
export interface NavItem {
  href: string;
  label: MessageKey;
  /** Active only on this exact path (the home link would otherwise match every page). */
  end?: boolean;
}

const feed: NavItem = { href: "/", label: "nav.listings", end: true };
const search: NavItem = { href: paths.search(), label: "nav.search" };

/**
 * The main menu for who is signed in: what each role comes to do, in the order they do it.
 * @example menuFor(null) // feed, search (and the sign-in link the shell adds)
 */
export function menuFor(me: Pick<Me, "role" | "memberships"> | null): NavItem[] {
  switch (me?.role) {
    case "student":
      return [
        feed,
        search,
        { href: paths.forYou(), label: "nav.forYou" },
        { href: paths.myApplications(), label: "nav.myApplications" },
        { href: paths.placement(), label: "nav.placement" },
        { href: paths.savedSearches(), label: "nav.savedSearches" },
        { href: paths.profile(), label: "nav.profile" },
      ];
    case "staff":
    case "recruiter": {
      const [first] = me.memberships;
      // With one organisation, its listings are one tap away; with several, the organisations page chooses.
      return [
        feed,
        { href: paths.myOrganisations(), label: "nav.myOrganisations" },
        ...(first && me.memberships.length === 1
          ? [{ href: paths.orgListings(first.orgId), label: "nav.orgListings" } as NavItem]
          : []),
        // Schools run placement rounds for their students; organisations find there the rounds their listings are in.
        { href: paths.placement(), label: "nav.placement" },
      ];
    }
    case "province":
      // The province runs placement rounds across universities.
      return [
        feed,
        search,
        { href: paths.verification(), label: "nav.verification" },
        { href: paths.placement(), label: "nav.placement" },
      ];
    case "admin":
      return [feed, search, { href: paths.verification(), label: "nav.verification" }];
    default:
      return [feed, search];
  }
}
