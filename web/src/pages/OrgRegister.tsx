import { useNavigate } from "@solidjs/router";
import { Guard, orgPeople } from "../components/Guard";
import { usePageTitle } from "../components/title";
import { useCatalog } from "../i18n/i18n";
import { orgMessages } from "../i18n/org";
import { OrganisationForm } from "../org/OrganisationForm";
import { registerOrganisation } from "../org/organisations";
import { session } from "../session/session";

/** `/to-chuc/dang-ky`: register an organisation; the new owner lands on its profile, awaiting verification. */
export default function OrgRegister() {
  const { t } = useCatalog(orgMessages);
  const navigate = useNavigate();
  usePageTitle(() => t("org.register.title"));
  return (
    <Guard audience={orgPeople}>
      {() => (
        <>
          <h1>{t("org.register.title")}</h1>
          <p class="lead">{t("org.register.intro")}</p>
          <OrganisationForm
            submitLabel={t("org.register.submit")}
            submit={async (input) => {
              const org = await registerOrganisation(input);
              // The new membership comes with /api/me: refresh it so the menu and guards know the owner.
              await session.refresh().catch(() => {});
              navigate(`/to-chuc/${org.id}?moi=1`);
            }}
          />
        </>
      )}
    </Guard>
  );
}
