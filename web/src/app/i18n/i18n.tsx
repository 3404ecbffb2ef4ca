import { formatNumber, localeOf } from "@ketnoi/core/format";
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

/**
 * Fills `{name}` placeholders; unknown names stay visible so a missing parameter is noticed. Numbers are written
 * the locale's way (88,6 in vi, not 88.6) here, once, so no message can show a raw decimal point. Pass a calendar
 * year as a string (a number would be grouped: 2.027).
 */
function fill(message: string, params: Record<string, string | number> | undefined, locale: string): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === "number" ? formatNumber(value, locale) : String(value);
  });
}
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
    t: (key, params) => fill(catalogs[lang()][key], params, localeOf(lang())),
    locale: () => localeOf(lang()),
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

/**
 * A feature's own messages, loaded with its lazy pages so the home page does not carry them.
 * Declare `vi` first and type `en` as `Record<keyof typeof vi, string>`: a missing or extra key fails to compile.
 */
export interface Catalog<K extends string> {
  vi: Record<K, string>;
  en: Record<K, string>;
}

/** `t` over a feature catalog and the app catalog, so a page uses one function for both. */
export type ScopedT<K extends string> = (key: K | MessageKey, params?: Record<string, string | number>) => string;

/**
 * The i18n state with `t` extended by a feature catalog.
 * @example const { t } = useCatalog(orgMessages); t("org.register.title")
 */
export function useCatalog<K extends string>(catalog: Catalog<K>): Omit<I18n, "t"> & { t: ScopedT<K> } {
  const i18n = useI18n();
  const t: ScopedT<K> = (key, params) => {
    const own = (catalog[i18n.lang()] as Record<string, string>)[key];
    return own === undefined ? i18n.t(key as MessageKey, params) : fill(own, params, i18n.locale());
  };
  return { ...i18n, t };
}
