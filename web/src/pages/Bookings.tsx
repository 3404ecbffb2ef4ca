import { Guard, signedIn } from "../components/Guard";
import { usePageTitle } from "../components/title";
import { useCatalog } from "../i18n/i18n";
import { studentMessages } from "../i18n/student";
import { MyBookings } from "../student/MyBookings";

/** `/dat-cho`: my visit bookings (where booking notifications lead). */
export default function Bookings() {
  const { t } = useCatalog(studentMessages);
  usePageTitle(() => t("mine.bookings"));
  return <Guard audience={signedIn}>{() => <MyBookings heading="h1" />}</Guard>;
}
