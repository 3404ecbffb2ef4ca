import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { Shell } from "./components/Shell";
import { I18nProvider } from "./i18n/i18n";

// Each page is its own chunk, so the first load carries only the shell and the page being opened.
const Home = lazy(() => import("./pages/Home"));
const ListingDetail = lazy(() => import("./pages/ListingDetail"));
const SignIn = lazy(() => import("./pages/SignIn"));
const SignInCallback = lazy(() => import("./pages/SignInCallback"));
const Security = lazy(() => import("./pages/Security"));
const NotFound = lazy(() => import("./pages/NotFound"));
const Notifications = lazy(() => import("./pages/Notifications"));
const MyOrganisations = lazy(() => import("./pages/MyOrganisations"));
const OrgRegister = lazy(() => import("./pages/OrgRegister"));
const OrgProfile = lazy(() => import("./pages/OrgProfile"));
const OrgListings = lazy(() => import("./pages/OrgListings"));
const ListingNew = lazy(() => import("./pages/ListingNew"));
const ListingEdit = lazy(() => import("./pages/ListingEdit"));
const VerificationQueue = lazy(() => import("./pages/VerificationQueue"));
const Search = lazy(() => import("./pages/Search"));
const Profile = lazy(() => import("./pages/Profile"));
const MyApplications = lazy(() => import("./pages/MyApplications"));
const SavedSearches = lazy(() => import("./pages/SavedSearches"));
const Bookings = lazy(() => import("./pages/Bookings"));
const ApplicantBoard = lazy(() => import("./pages/ApplicantBoard"));
const HostBookings = lazy(() => import("./pages/HostBookings"));
const Members = lazy(() => import("./pages/Members"));
const Enrolments = lazy(() => import("./pages/Enrolments"));
const Invitations = lazy(() => import("./pages/Invitations"));
const Dashboard = lazy(() => import("./dashboard/DashboardPage"));
const Targets = lazy(() => import("./dashboard/TargetsPage"));
const AuditLog = lazy(() => import("./dashboard/AuditPage"));
const ForYou = lazy(() => import("./matching/ForYou"));
const Candidates = lazy(() => import("./matching/Candidates"));
const Placement = lazy(() => import("./matching/PlacementPage"));
const PlacementRanking = lazy(() => import("./matching/RankingPage"));
const OrgPlacementRounds = lazy(() => import("./matching/OrgRounds"));
const PrintableCv = lazy(() => import("./pages/PrintableCv"));
const MailSettings = lazy(() => import("./pages/MailSettings"));
const Unsubscribe = lazy(() => import("./pages/Unsubscribe"));

/** The routes, inside the language provider and the page shell. */
export function App() {
  return (
    <I18nProvider>
      <Router root={Shell}>
        <Route path="/" component={Home} />
        <Route path="/tin/:id" component={ListingDetail} />
        <Route path="/dang-nhap" component={SignIn} />
        <Route path="/dang-nhap/xong" component={SignInCallback} />
        <Route path="/bao-mat" component={Security} />
        <Route path="/thong-bao" component={Notifications} />
        <Route path="/to-chuc-cua-toi" component={MyOrganisations} />
        <Route path="/to-chuc/dang-ky" component={OrgRegister} />
        <Route path="/to-chuc/:id" component={OrgProfile} />
        <Route path="/to-chuc/:id/tin" component={OrgListings} />
        <Route path="/to-chuc/:id/tin/moi" component={ListingNew} />
        <Route path="/tin/:id/sua" component={ListingEdit} />
        <Route path="/quan-tri/xac-minh" component={VerificationQueue} />
        <Route path="/tim-kiem" component={Search} />
        <Route path="/ho-so" component={Profile} />
        <Route path="/ho-so/in" component={PrintableCv} />
        <Route path="/ung-tuyen" component={MyApplications} />
        <Route path="/ung-tuyen/:id" component={MyApplications} />
        <Route path="/tim-kiem-da-luu" component={SavedSearches} />
        <Route path="/dat-cho" component={Bookings} />
        <Route path="/tin/:id/ung-vien" component={ApplicantBoard} />
        <Route path="/tin/:id/dat-cho" component={HostBookings} />
        <Route path="/to-chuc/:id/thanh-vien" component={Members} />
        <Route path="/to-chuc/:id/sinh-vien" component={Enrolments} />
        <Route path="/to-chuc/:id/phan-bo" component={OrgPlacementRounds} />
        <Route path="/loi-moi" component={Invitations} />
        <Route path="/bang-dieu-khien" component={Dashboard} />
        <Route path="/bang-dieu-khien/chi-tieu" component={Targets} />
        <Route path="/bang-dieu-khien/nhat-ky" component={AuditLog} />
        <Route path="/danh-cho-ban" component={ForYou} />
        <Route path="/tin/:id/ung-vien-phu-hop" component={Candidates} />
        <Route path="/phan-bo" component={Placement} />
        <Route path="/phan-bo/:id/xep-hang/:listingId" component={PlacementRanking} />
        <Route path="/cai-dat-thu" component={MailSettings} />
        <Route path="/huy-nhan-thu" component={Unsubscribe} />
        <Route path="*404" component={NotFound} />
      </Router>
    </I18nProvider>
  );
}
