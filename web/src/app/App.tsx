import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { I18nProvider } from "./i18n/i18n";
import { routes } from "./paths";
import { Shell } from "./Shell";

// Each page is its own chunk, so the first load carries only the shell and the page being opened.
const Home = lazy(() => import("../features/listings/Home"));
const ListingDetail = lazy(() => import("../features/listings/ListingDetail"));
const SignIn = lazy(() => import("../features/signin/SignIn"));
const SignInCallback = lazy(() => import("../features/signin/SignInCallback"));
const Security = lazy(() => import("../features/security/Security"));
const NotFound = lazy(() => import("./NotFound"));
const Notifications = lazy(() => import("../features/notifications/Notifications"));
const MyOrganisations = lazy(() => import("../features/org/MyOrganisations"));
const OrgRegister = lazy(() => import("../features/org/OrgRegister"));
const OrgProfile = lazy(() => import("../features/org/OrgProfile"));
const OrgListings = lazy(() => import("../features/org/OrgListings"));
const ListingNew = lazy(() => import("../features/org/ListingNew"));
const ListingEdit = lazy(() => import("../features/org/ListingEdit"));
const VerificationQueue = lazy(() => import("../features/org/VerificationQueue"));
const Search = lazy(() => import("../features/listings/Search"));
const Profile = lazy(() => import("../features/student/Profile"));
const MyApplications = lazy(() => import("../features/student/MyApplications"));
const SavedSearches = lazy(() => import("../features/listings/SavedSearches"));
const Bookings = lazy(() => import("../features/student/Bookings"));
const ApplicantBoard = lazy(() => import("../features/org/ApplicantBoard"));
const HostBookings = lazy(() => import("../features/org/HostBookings"));
const Members = lazy(() => import("../features/org/Members"));
const Enrolments = lazy(() => import("../features/org/Enrolments"));
const Invitations = lazy(() => import("../features/org/Invitations"));
const Dashboard = lazy(() => import("../features/dashboard/DashboardPage"));
const Targets = lazy(() => import("../features/dashboard/TargetsPage"));
const AuditLog = lazy(() => import("../features/dashboard/AuditPage"));
const ForYou = lazy(() => import("../features/matching/ForYou"));
const Candidates = lazy(() => import("../features/matching/Candidates"));
const Placement = lazy(() => import("../features/matching/PlacementPage"));
const PlacementRanking = lazy(() => import("../features/matching/RankingPage"));
const OrgPlacementRounds = lazy(() => import("../features/matching/OrgRounds"));
const PrintableCv = lazy(() => import("../features/student/PrintableCv"));
const MailSettings = lazy(() => import("../features/mail/MailSettings"));
const Unsubscribe = lazy(() => import("../features/mail/Unsubscribe"));

/** The routes, inside the language provider and the page shell. */
export function App() {
  return (
    <I18nProvider>
      <Router root={Shell}>
        <Route path={routes.home} component={Home} />
        <Route path={routes.listing} component={ListingDetail} />
        <Route path={routes.signIn} component={SignIn} />
        <Route path={routes.signInCallback} component={SignInCallback} />
        <Route path={routes.security} component={Security} />
        <Route path={routes.notifications} component={Notifications} />
        <Route path={routes.myOrganisations} component={MyOrganisations} />
        <Route path={routes.orgRegister} component={OrgRegister} />
        <Route path={routes.org} component={OrgProfile} />
        <Route path={routes.orgListings} component={OrgListings} />
        <Route path={routes.listingNew} component={ListingNew} />
        <Route path={routes.listingEdit} component={ListingEdit} />
        <Route path={routes.verification} component={VerificationQueue} />
        <Route path={routes.search} component={Search} />
        <Route path={routes.profile} component={Profile} />
        <Route path={routes.printableCv} component={PrintableCv} />
        <Route path={routes.myApplications} component={MyApplications} />
        <Route path={routes.myApplication} component={MyApplications} />
        <Route path={routes.savedSearches} component={SavedSearches} />
        <Route path={routes.bookings} component={Bookings} />
        <Route path={routes.applicants} component={ApplicantBoard} />
        <Route path={routes.hostBookings} component={HostBookings} />
        <Route path={routes.members} component={Members} />
        <Route path={routes.enrolments} component={Enrolments} />
        <Route path={routes.orgPlacement} component={OrgPlacementRounds} />
        <Route path={routes.invitations} component={Invitations} />
        <Route path={routes.dashboard} component={Dashboard} />
        <Route path={routes.targets} component={Targets} />
        <Route path={routes.audit} component={AuditLog} />
        <Route path={routes.forYou} component={ForYou} />
        <Route path={routes.candidates} component={Candidates} />
        <Route path={routes.placement} component={Placement} />
        <Route path={routes.ranking} component={PlacementRanking} />
        <Route path={routes.mailSettings} component={MailSettings} />
        <Route path={routes.unsubscribe} component={Unsubscribe} />
        <Route path="*404" component={NotFound} />
      </Router>
    </I18nProvider>
  );
}
