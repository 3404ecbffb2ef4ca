/**
 * Every URL of the web app, written once: the route table (app/App.tsx) registers `routes`, links and navigations
 * build theirs with `paths`. The Vietnamese slugs are the public URLs (bookmarked, sent in mails and notifications,
 * and used by the Chromium journeys in scripts/e2e*.ts), so changing one here changes it everywhere at once.
 */
export const routes = {
  home: "/",
  listing: "/tin/:id",
  signIn: "/dang-nhap",
  signInCallback: "/dang-nhap/xong",
  security: "/bao-mat",
  notifications: "/thong-bao",
  myOrganisations: "/to-chuc-cua-toi",
  orgRegister: "/to-chuc/dang-ky",
  org: "/to-chuc/:id",
  orgListings: "/to-chuc/:id/tin",
  listingNew: "/to-chuc/:id/tin/moi",
  listingEdit: "/tin/:id/sua",
  verification: "/quan-tri/xac-minh",
  search: "/tim-kiem",
  profile: "/ho-so",
  printableCv: "/ho-so/in",
  myApplications: "/ung-tuyen",
  myApplication: "/ung-tuyen/:id",
  savedSearches: "/tim-kiem-da-luu",
  bookings: "/dat-cho",
  applicants: "/tin/:id/ung-vien",
  hostBookings: "/tin/:id/dat-cho",
  members: "/to-chuc/:id/thanh-vien",
  enrolments: "/to-chuc/:id/sinh-vien",
  orgPlacement: "/to-chuc/:id/phan-bo",
  invitations: "/loi-moi",
  dashboard: "/bang-dieu-khien",
  targets: "/bang-dieu-khien/chi-tieu",
  audit: "/bang-dieu-khien/nhat-ky",
  forYou: "/danh-cho-ban",
  candidates: "/tin/:id/ung-vien-phu-hop",
  placement: "/phan-bo",
  ranking: "/phan-bo/:id/xep-hang/:listingId",
  mailSettings: "/cai-dat-thu",
  unsubscribe: "/huy-nhan-thu",
} as const;

/** The ids a route pattern takes, in order: `"/phan-bo/:id/xep-hang/:listingId"` takes two strings. */
type Ids<P extends string> = P extends `${string}:${string}/${infer Rest}`
  ? [string, ...Ids<`/${Rest}`>]
  : P extends `${string}:${string}`
    ? [string]
    : [];

type Builders = { [K in keyof typeof routes]: (...ids: Ids<(typeof routes)[K]>) => string };

/**
 * Typed builders of the app's URLs (`paths.listing(id)`, `paths.ranking(roundId, listingId)`), each filling its
 * pattern above, so a URL is written once. Ids go in as they are: the API's ids are URL-safe slugs and ULIDs, and the
 * URLs stay byte for byte those the pages wrote by hand before. One filler instead of a function per route keeps the
 * entry chunk as small as it was.
 */
const built = Object.fromEntries(
  Object.entries(routes).map(([name, pattern]) => [
    name,
    (...ids: string[]) => {
      let next = 0;
      return pattern.replace(/:\w+/g, () => ids[next++]!);
    },
  ]),
) as Builders;

export const paths = {
  ...built,
  /** Sign-in, coming back to `next` (a path of this app) afterwards. */
  signIn: (next?: string) => (next ? `${routes.signIn}?tiep=${encodeURIComponent(next)}` : routes.signIn),
  /** The search page, with its query string when there is one. */
  search: (query = "") => (query ? `${routes.search}?${query}` : routes.search),
};

/** `?moi=1` on a page just created (an organisation, a listing), so it greets its creator. */
export const justCreated = "?moi=1";
