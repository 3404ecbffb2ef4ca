import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { formatDate } from "../../app/format";
import { skillName } from "../../app/forms/options";
import { Guard, students } from "../../app/Guard";
import { type Catalog, type Lang, useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { filesMessages } from "../files/messages";
import { majorLabel } from "../listings/format";
import { fetchMyProfile, fetchSchools } from "./api";
import { studentMessages } from "./messages";
import "./student.css";

/** A message of `catalog` in the CV's language, which may differ from the UI's. */
function inLanguage<K extends string>(catalog: Catalog<K>, lang: Lang) {
  return (key: K, params: Record<string, string> = {}) =>
    (catalog[lang] as Record<K, string>)[key].replace(
      /\{(\w+)\}/g,
      (whole: string, name: string) => params[name] ?? whole,
    );
}

/**
 * `/ho-so/in`: the student's profile laid out as a one-page CV, in Vietnamese or English (chosen here, whatever
 * the UI's language), printed or saved as PDF by the browser. The print rules (@media print in styles.css and
 * student.css) leave only the CV on paper: no header, menu, footer or buttons.
 */
export default function PrintableCv() {
  const { t, lang } = useCatalog(filesMessages);
  usePageTitle(() => t("print.title"));
  const [cvLang, setCvLang] = createSignal<Lang>(lang());
  const [data, { refetch }] = createResource(async () => {
    const [profile, schools] = await Promise.all([fetchMyProfile(), fetchSchools()]);
    return { profile, schools };
  });
  const cv = () => inLanguage(filesMessages, cvLang());
  const student = () => inLanguage(studentMessages, cvLang());
  const locale = () => (cvLang() === "vi" ? "vi-VN" : "en-GB");

  return (
    <Guard audience={students}>
      {(me) => (
        <>
          <div class="no-print print-tools">
            <h1>{t("print.title")}</h1>
            <fieldset class="field">
              <legend>{t("print.language")}</legend>
              <label>
                <input type="radio" name="cvLang" checked={cvLang() === "vi"} onChange={() => setCvLang("vi")} /> Tiếng
                Việt
              </label>{" "}
              <label>
                <input type="radio" name="cvLang" checked={cvLang() === "en"} onChange={() => setCvLang("en")} />{" "}
                English
              </label>
            </fieldset>
            <p class="actions">
              <button type="button" class="button" onClick={() => window.print()}>
                {t("print.print")}
              </button>{" "}
              <A class="button button-secondary" href={paths.profile()}>
                {t("print.back")}
              </A>
            </p>
          </div>
          <Async resource={data} onRetry={() => void refetch()}>
            {(data) => (
              <Show when={data().profile} fallback={<p class="notice">{t("print.noProfile")}</p>}>
                {(p) => {
                  const school = () => data().schools.find((s) => s.id === p().universityId)?.name;
                  return (
                    <article class="printable-cv" lang={cvLang()} aria-label={t("print.title")}>
                      <header>
                        <h2 class="cv-name">{p().fullName || me.displayName}</h2>
                        <p>{cv()("print.year", { year: String(p().year) })}</p>
                      </header>
                      <section>
                        <h3>{cv()("print.education")}</h3>
                        <p>
                          <strong>{school() ? (cvLang() === "en" && school()!.en) || school()!.vi : ""}</strong>
                          {school() ? " · " : ""}
                          {majorLabel(p().major, cvLang())}
                        </p>
                      </section>
                      <Show when={p().skills.length > 0}>
                        <section>
                          <h3>{cv()("print.skills")}</h3>
                          <ul class="cv-skills">
                            <For each={p().skills}>
                              {(skill) => (
                                <li>
                                  {skillName(skill.id, cvLang())} — {skill.level}/5
                                </li>
                              )}
                            </For>
                          </ul>
                        </section>
                      </Show>
                      <Show when={p().languages.length > 0}>
                        <section>
                          <h3>{cv()("print.languages")}</h3>
                          <ul>
                            <For each={p().languages}>
                              {(language) => (
                                <li>
                                  {student()(`profile.lang.${language.code}`)} —{" "}
                                  {student()(`profile.langLevel.${language.level}`)}
                                </li>
                              )}
                            </For>
                          </ul>
                        </section>
                      </Show>
                      <footer class="muted">
                        {cv()("print.generated", { date: formatDate(new Date().toISOString().slice(0, 10), locale()) })}
                      </footer>
                    </article>
                  );
                }}
              </Show>
            )}
          </Async>
        </>
      )}
    </Guard>
  );
}
