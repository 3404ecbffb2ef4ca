import { createEffect } from "solid-js";
import { useI18n } from "./i18n/i18n";

/** Keeps the tab title in step with the page and the language, so history and screen readers name the page. */
export function usePageTitle(title: () => string | undefined) {
  const { t } = useI18n();
  createEffect(() => {
    const page = title();
    document.title = page ? `${page} · ${t("app.name")}` : `${t("app.name")} · ${t("app.tagline")}`;
  });
}
