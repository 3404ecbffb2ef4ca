import { isFinalStatus, type Organisation, organisationStanding } from "@ketnoi/core";
import { listListingApplications } from "./applications";
import { listOrganisationListings } from "./listings";
import type { NotificationInput } from "./notifications";

/**
 * What the students whose applications to an organisation are still open are told when it is rejected or
 * suspended: its listings have left the public and take nothing new, so they should not wait for an answer. One
 * in-app notice per student (however many of its listings they applied to), with the province's reason. The stream
 * consumer delivers it from the stored decision (effects/notices.ts), so a decision answered 503 still tells them.
 */
export async function openApplicantsNotice(
  org: Organisation,
): Promise<{ students: string[]; input: NotificationInput } | undefined> {
  if (organisationStanding[org.verification].takesApplications) return undefined;
  const listings = await listOrganisationListings(org.id);
  const applications = (await Promise.all(listings.map((l) => listListingApplications(l.id)))).flat();
  const students = [...new Set(applications.filter((a) => !isFinalStatus(a.status)).map((a) => a.studentId))];
  if (students.length === 0) return undefined;
  const suspended = org.verification === "suspended";
  return {
    students,
    input: {
      kind: "application_status",
      title: {
        vi: `${org.name.vi} ${suspended ? "đã bị đình chỉ" : "không được xác minh"}: hồ sơ của bạn sẽ không được xét tiếp`,
        en: `${org.name.en ?? org.name.vi} was ${suspended ? "suspended" : "rejected"}: your application will not go further`,
      },
      body: {
        vi: `Tin của tổ chức này không còn hiển thị. Lý do: ${org.verificationReason ?? ""}`.trim(),
        en: `This organisation's listings are no longer shown. Reason: ${org.verificationReason ?? ""}`.trim(),
      },
      link: "/ung-tuyen",
    },
  };
}
