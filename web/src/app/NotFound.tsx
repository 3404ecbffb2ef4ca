import { A } from "@solidjs/router";
import { useI18n } from "./i18n/i18n";
import { usePageTitle } from "./title";

/** Any address the app does not know. */
export default function NotFound() {
  const { t } = useI18n();
  usePageTitle(() => t("notFound.title"));
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <A href="/">{t("notFound.home")}</A>
      </p>
    </>
  );
}
