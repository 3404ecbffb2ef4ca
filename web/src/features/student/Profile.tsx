import type { ErasureReceipt } from "@ketnoi/core";
import { A } from "@solidjs/router";
import { createEffect, createResource, createSignal, Show } from "solid-js";
import { students } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { Async } from "../../app/Status";
import { session } from "../../app/session/session";
import { CvFilesPanel } from "../files/CvFilesPanel";
import { fetchMyProfile, fetchSchools, type StudentProfile, saveMyProfile } from "./api";
import { ConsentPanel } from "./ConsentPanel";
import { studentMessages } from "./messages";
import { ErasureReceiptView, PrivacyPanel } from "./PrivacyPanel";
import { ProfileForm } from "./ProfileForm";

function ProfileSections(props: { fullName: string; onErased: (receipt: ErasureReceipt) => void }) {
  const { t } = useCatalog(studentMessages);
  const [data, { refetch }] = createResource(async () => {
    const [profile, schools] = await Promise.all([fetchMyProfile(), fetchSchools()]);
    return { profile, schools };
  });
  // Saves update this signal, not the resource, so a consent switch or the form keeps its place and focus.
  const [profile, setProfile] = createSignal<StudentProfile | null>(null);
  createEffect(() => {
    const loaded = data();
    if (loaded) setProfile(loaded.profile);
  });
  const [saved, setSaved] = createSignal(false);

  return (
    <Async resource={data} onRetry={() => void refetch()}>
      {(data) => (
        <>
          <Show when={profile()} fallback={<p class="notice">{t("profile.createIntro")}</p>}>
            {(current) => (
              <ConsentPanel
                profile={current()}
                save={saveMyProfile}
                onSaved={setProfile}
                onReload={() => void refetch()}
              />
            )}
          </Show>
          <section aria-labelledby="profile-title">
            <h2 id="profile-title">{t("profile.section")}</h2>
            <Show when={saved()}>
              <p class="success" role="status">
                {t("profile.saved")}
              </p>
            </Show>
            <ProfileForm
              profile={profile()}
              schools={data().schools}
              fullName={props.fullName}
              submit={async (input) => {
                setProfile(await saveMyProfile(input));
                setSaved(true);
              }}
            />
          </section>
          <CvFilesPanel />
          <Show when={profile()}>
            <PrivacyPanel onErased={props.onErased} />
          </Show>
        </>
      )}
    </Async>
  );
}

/** `/ho-so`: the student's profile, each consent with its timestamp, data export and account erasure. */
export default function Profile() {
  const { t } = useCatalog(studentMessages);
  const [receipt, setReceipt] = createSignal<ErasureReceipt>();
  return (
    <Show
      when={receipt()}
      fallback={
        <Page title={t("profile.title")} audience={students}>
          {(me) => (
            <>
              <p class="lead">{t("profile.intro")}</p>
              <ProfileSections
                fullName={me.displayName}
                onErased={(done) => {
                  setReceipt(done);
                  // The account no longer exists: its token must not be used again.
                  session.signOut();
                }}
              />
            </>
          )}
        </Page>
      }
    >
      {(done) => (
        <>
          <h1>{t("privacy.eraseTitle")}</h1>
          <ErasureReceiptView receipt={done()} />
          <p>
            <A href="/">{t("privacy.home")}</A>
          </p>
        </>
      )}
    </Show>
  );
}
