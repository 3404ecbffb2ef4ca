import type { Me } from "@ketnoi/core";
import type { MessageKey } from "../i18n/i18n";

/** One link of the main menu. */
export interface NavItem {
  href: string;
  label: MessageKey;
  /** Active only on this exact path (the home link would otherwise match every page). */
  end?: boolean;
}

const feed: NavItem = { href: "/", label: "nav.listings", end: true };
const search: NavItem = { href: "/tim-kiem", label: "nav.search" };

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
        { href: "/danh-cho-ban", label: "nav.forYou" },
        { href: "/ung-tuyen", label: "nav.myApplications" },
        { href: "/phan-bo", label: "nav.placement" },
        { href: "/tim-kiem-da-luu", label: "nav.savedSearches" },
        { href: "/ho-so", label: "nav.profile" },
      ];
    case "staff":
    case "recruiter": {
      const [first] = me.memberships;
      // With one organisation, its listings are one tap away; with several, the organisations page chooses.
      return [
        feed,
        { href: "/to-chuc-cua-toi", label: "nav.myOrganisations" },
        ...(first && me.memberships.length === 1
          ? [{ href: `/to-chuc/${first.orgId}/tin`, label: "nav.orgListings" } as NavItem]
          : []),
        // Schools run placement rounds for their students; organisations find there the rounds their listings are in.
        { href: "/phan-bo", label: "nav.placement" },
      ];
    }
    case "province":
      // The province runs placement rounds across universities.
      return [
        feed,
        search,
        { href: "/quan-tri/xac-minh", label: "nav.verification" },
        { href: "/phan-bo", label: "nav.placement" },
      ];
    case "admin":
      return [feed, search, { href: "/quan-tri/xac-minh", label: "nav.verification" }];
    default:
      return [feed, search];
  }
}
