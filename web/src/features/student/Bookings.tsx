import { Guard, signedIn } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { usePageTitle } from "../../app/title";
import { MyBookings } from "./MyBookings";
import { studentMessages } from "./messages";

/** `/dat-cho`: my visit bookings (where booking notifications lead). */
export default function Bookings() {
  const { t } = useCatalog(studentMessages);
  usePageTitle(() => t("mine.bookings"));
  return <Guard audience={signedIn}>{() => <MyBookings heading="h1" />}</Guard>;
}
