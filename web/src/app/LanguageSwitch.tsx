import { useI18n } from "./i18n/i18n";

/** One button that flips between Vietnamese and English; labelled in the language it switches to. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const target = () => (lang() === "vi" ? "en" : "vi");
  return (
    <button
      type="button"
      class="button button-quiet lang-switch"
      lang={target()}
      title={t("lang.switchLabel")}
      onClick={() => setLang(target())}
    >
      {t("lang.switch")}
    </button>
  );
}
