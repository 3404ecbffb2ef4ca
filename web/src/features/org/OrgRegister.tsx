import { useNavigate } from "@solidjs/router";
import { orgPeople } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { justCreated, paths } from "../../app/paths";
import { session } from "../../app/session/session";
import { registerOrganisation } from "./api";
import { orgMessages } from "./messages";
import { OrganisationForm } from "./OrganisationForm";

/** `/to-chuc/dang-ky`: register an organisation; the new owner lands on its profile, awaiting verification. */
export default function OrgRegister() {
  const { t } = useCatalog(orgMessages);
  const navigate = useNavigate();
  return (
    <Page title={t("org.register.title")} audience={orgPeople}>
      {() => (
        <>
          <p class="lead">{t("org.register.intro")}</p>
          <OrganisationForm
            submitLabel={t("org.register.submit")}
            submit={async (input) => {
              const org = await registerOrganisation(input);
              // The new membership comes with /api/me: refresh it so the menu and guards know the owner.
              await session.refresh().catch(() => {});
              navigate(paths.org(org.id) + justCreated);
            }}
          />
        </>
      )}
    </Page>
  );
}
