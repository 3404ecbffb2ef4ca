import { type Accessor, createContext, createSignal, type ParentProps, useContext } from "solid-js";
import { en } from "./en";
import { type MessageKey, type Messages, vi } from "./vi";

export type Lang = "vi" | "en";
export type { MessageKey };

/** Text stored in both languages; English is optional, so Vietnamese is the fallback. */
export interface LocalizedText {
  vi: string;
  en?: string | undefined;
}

export interface I18n {
  lang: Accessor<Lang>;
  setLang(lang: Lang): void;
  /** The message for `key` in the current language, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** The BCP 47 locale for Intl formatting (vi-VN or en-GB, whose day-month order Vietnamese readers share). */
  locale: Accessor<string>;
  /** Picks the current language's version of a bilingual text. */
  pick(text: LocalizedText): string;
}

const catalogs: Record<Lang, Messages> = { vi, en };
const storageKey = "ketnoi.lang";

/** localStorage can throw (privacy modes, blocked storage); the choice then lasts only for this page. */
function readStoredLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function storeLang(lang: Lang) {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not persisting is acceptable: the page still switches language.
  }
}

/** Builds the i18n state: Vietnamese unless the user chose English before. */
export function createI18n(initial: Lang = readStoredLang()): I18n {
  const [lang, setLangSignal] = createSignal<Lang>(initial);
  const apply = (next: Lang) => {
    document.documentElement.lang = next;
  };
  apply(initial);
  return {
    lang,
    setLang(next) {
      setLangSignal(next);
      storeLang(next);
      apply(next);
    },
    t(key, params) {
      const message = catalogs[lang()][key];
      if (!params) return message;
      return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    },
    locale: () => (lang() === "vi" ? "vi-VN" : "en-GB"),
    pick: (text) => (lang() === "en" && text.en ? text.en : text.vi),
  };
}

const I18nContext = createContext<I18n>();

/** Provides the language choice and message lookup to the whole app. */
export function I18nProvider(props: ParentProps<{ i18n?: I18n }>) {
  return <I18nContext.Provider value={props.i18n ?? createI18n()}>{props.children}</I18nContext.Provider>;
}

/**
 * The current language and its messages.
 * @example const { t } = useI18n(); <h1>{t("home.title")}</h1>
 */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n() needs an <I18nProvider> above it");
  return i18n;
}
