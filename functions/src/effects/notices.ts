import { type ApplicationStatus, applicationStatusLabels, invitationTtlDays, type PipelineActor } from "@ketnoi/core";
import { formatLocalDateTime, formatNumber, localeOf } from "@ketnoi/core/format";
import { listingCards, organisationMemberIds } from "../data/applicants";
import { getListing, type StoredListing } from "../data/listings";
import { deliverNotice, type NotificationInput } from "../data/notifications";
import { openApplicantsNotice } from "../data/organisation-lifecycle";
import { getOrganisation } from "../data/organisations";
import { isErasedToken } from "../data/placement/rounds";
import { findUserByEmail } from "../data/users";
import { interviewNotices, offerNotices } from "./interview-notices";
import { type DynamoDBStreamRecord, decodeImage, entityOf, type Item } from "./records";

interface Step {
  status: ApplicationStatus;
  at: string;
  by: PipelineActor;
  reason?: string;
}

export interface Notice {
  userId: string;
  input: NotificationInput;
  key: string;
  at: string;
}

const en = (text: { vi: string; en?: string | undefined }) => text.en ?? text.vi;

/** The student's notice of a step, and — for the student's own moves — the organisation members' one. */
async function applicationStepNotices(application: Item, step: Step, index: number, listing: StoredListing) {
  const applicationId = String(application.applicationId);
  const studentId = String(application.studentId);
  const status = applicationStatusLabels[step.status];
  const title = listing.title;
  const reason = step.status === "rejected" ? (step.reason ?? (application.rejectionReason as string)) : undefined;
  const key = `application:${applicationId}:step:${index}`;
  const notices: Notice[] = [];
  if (!isErasedToken(studentId)) {
    notices.push({
      userId: studentId,
      key,
      at: step.at,
      input: {
        kind: "application_status",
        title: { vi: `Hồ sơ ứng tuyển: ${status.vi}`, en: `Application: ${status.en}` },
        body: {
          vi: reason ? `${title.vi}. Lý do: ${reason}` : title.vi,
          en: reason ? `${en(title)}. Reason: ${reason}` : en(title),
        },
        link: `/ung-tuyen/${applicationId}`,
      },
    });
  }
  if (step.by !== "student") return notices;
  const received = step.status === "submitted";
  for (const userId of await organisationMemberIds(listing.orgId)) {
    notices.push({
      userId,
      key,
      at: step.at,
      input: {
        kind: received ? "application_received" : "application_status",
        title: received
          ? { vi: "Có hồ sơ ứng tuyển mới", en: "New application" }
          : { vi: `Ứng viên cập nhật: ${status.vi}`, en: `Applicant update: ${status.en}` },
        body: { vi: title.vi, en: en(title) },
        link: `/tin/${listing.id}/ung-vien`,
      },
    });
  }
  return notices;
}

/**
 * The notices an application change stands for: one per new step of its history (a new application's first
 * step, each move since the old image), and one when the organisation records volunteer hours.
 */
async function applicationNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  const steps = (next.history ?? []) as Step[];
  const sameApplication = before?.applicationId === next.applicationId;
  const seen = sameApplication ? ((before?.history ?? []) as Step[]).length : 0;
  const hoursChanged = next.hoursServed !== undefined && (!sameApplication || before?.hoursServed !== next.hoursServed);
  if (steps.length <= seen && !hoursChanged) return [];
  const listing = await getListing(String(next.listingId));
  if (!listing) return [];
  const notices: Notice[] = [];
  for (let i = seen; i < steps.length; i++)
    notices.push(...(await applicationStepNotices(next, steps[i]!, i, listing)));
  const studentId = String(next.studentId);
  if (hoursChanged && !isErasedToken(studentId)) {
    const hours = Number(next.hoursServed);
    notices.push({
      userId: studentId,
      key: `application:${next.applicationId}:hours:${next.version}`,
      at: String(next.updatedAt),
      input: {
        kind: "application_status",
        title: {
          vi: `Đã ghi nhận ${formatNumber(hours, localeOf("vi"))} giờ tình nguyện`,
          en: `${formatNumber(hours, localeOf("en"))} volunteer hours recorded`,
        },
        body: { vi: listing.title.vi, en: en(listing.title) },
        link: `/ung-tuyen/${next.applicationId}`,
      },
    });
  }
  return notices;
}

/** A confirmed booking (new, or made again after a cancelled one under the same key) tells its booker. */
async function bookingNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  const isNew = before?.bookingId !== next.bookingId || before?.status !== next.status;
  if (!isNew || next.status !== "confirmed") return [];
  const listing = await getListing(String(next.listingId));
  const session = listing?.sessions?.find((s) => s.id === next.sessionId);
  if (!listing || !session) return [];
  const seats = Number(next.seats);
  return [
    {
      userId: String(next.bookerUserId),
      key: `booking:${next.bookingId}:confirmed`,
      at: String(next.createdAt),
      input: {
        kind: "booking_confirmed",
        title: { vi: "Đã đặt chỗ tham quan", en: "Visit booked" },
        body: {
          vi: `${listing.title.vi} — ${formatLocalDateTime(session.date, session.startTime, localeOf("vi"))}, ${seats} chỗ`,
          en: `${en(listing.title)} — ${formatLocalDateTime(session.date, session.startTime, localeOf("en"))}, ${seats} seat(s)`,
        },
        link: "/dat-cho",
      },
    },
  ];
}

/** An organisation's invitation to apply tells the student (the invite is created once per listing and student). */
async function candidateInviteNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  if (before) return [];
  const listing = await getListing(String(next.listingId));
  if (!listing) return [];
  const org = await getOrganisation(listing.orgId);
  const orgName = org?.name.vi ?? "";
  return [
    {
      userId: String(next.studentId),
      key: `candidate-invite:${next.listingId}:${next.createdAt}`,
      at: String(next.createdAt),
      input: {
        kind: "invitation",
        title: { vi: `${orgName} mời bạn ứng tuyển`, en: `${orgName} invites you to apply` },
        body: { vi: listing.title.vi, en: en(listing.title) },
        link: `/tin/${listing.id}`,
      },
    },
  ];
}

const roleNames: Record<string, { vi: string; en: string }> = {
  owner: { vi: "chủ sở hữu", en: "owner" },
  staff: { vi: "nhân viên", en: "staff member" },
};

/**
 * An organisation invitation: a new one (or one sent again to the same address) tells the invitee if the address
 * has an account; its acceptance tells whoever sent it.
 */
async function invitationNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  const invitationId = String(next.invitationId);
  const sent = next.status === "pending" && (before?.status !== "pending" || before?.createdAt !== next.createdAt);
  const accepted = next.status === "accepted" && before?.status === "pending";
  if (!sent && !accepted) return [];
  const [org, user] = await Promise.all([getOrganisation(String(next.orgId)), findUserByEmail(String(next.email))]);
  if (!org || !user) return [];
  if (sent) {
    const orgEn = org.name.en ?? org.name.vi;
    const role = roleNames[String(next.role)] ?? roleNames.staff!;
    const days = invitationTtlDays;
    return [
      {
        userId: user.userId,
        key: `invitation:${invitationId}:sent:${next.createdAt}`,
        at: String(next.createdAt),
        input: {
          kind: "invitation",
          title: { vi: `Lời mời tham gia ${org.name.vi}`, en: `Invitation to join ${orgEn}` },
          body: {
            vi: `Bạn được mời làm ${role.vi} của ${org.name.vi}. Lời mời hết hạn sau ${days} ngày.`,
            en: `You are invited to join ${orgEn} as ${role.en}. The invitation expires in ${days} days.`,
          },
          link: "/loi-moi",
        },
      },
    ];
  }
  const at = String(next.respondedAt ?? next.createdAt);
  return [
    {
      userId: String(next.invitedBy),
      key: `invitation:${invitationId}:accepted:${at}`,
      at,
      input: {
        kind: "membership",
        title: {
          vi: `${user.displayName} đã nhận lời mời tham gia`,
          en: `${user.displayName} accepted your invitation`,
        },
        link: `/to-chuc/${org.id}/thanh-vien`,
      },
    },
  ];
}

interface RoundRun {
  at: string;
  kind: string;
}
interface RoundAssignment {
  studentId: string;
  listingId: string;
  choice: number;
}

/**
 * A placement round re-offered (a new `reoffer` run in its result): each student whose seat is new or changed is
 * told (an erased student's id is a token: nobody to tell).
 */
async function placementNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  const result = next.result as { runs?: RoundRun[]; assignments?: RoundAssignment[] } | undefined;
  const previous = before?.result as { runs?: RoundRun[]; assignments?: RoundAssignment[] } | undefined;
  const runs = result?.runs ?? [];
  const run = runs.at(-1);
  if (run?.kind !== "reoffer" || runs.length <= (previous?.runs ?? []).length) return [];
  const seatBefore = new Map((previous?.assignments ?? []).map((a) => [a.studentId, a.listingId]));
  const moved = (result?.assignments ?? []).filter(
    (a) => seatBefore.get(a.studentId) !== a.listingId && !isErasedToken(a.studentId),
  );
  if (moved.length === 0) return [];
  const cards = await listingCards(moved.map((a) => a.listingId));
  const title = String(next.title);
  return moved.map((a) => {
    const card = cards.get(a.listingId);
    const place = (name: string | undefined) => (card ? `${name ?? card.title.vi} (${card.orgName})` : a.listingId);
    return {
      userId: a.studentId,
      key: `placement:${next.roundId}:run:${runs.length}`,
      at: run.at,
      input: {
        kind: "placement" as const,
        title: {
          vi: `Bạn có chỗ mới trong đợt phân bổ “${title}”`,
          en: `You have a new placement in “${title}”`,
        },
        body: {
          vi: `Một chỗ có người từ chối đã được mời lại: bạn được xếp vào ${place(card?.title.vi)}, nguyện vọng ${a.choice}. Hãy xác nhận hoặc từ chối.`,
          en: `A declined seat was offered onwards: you are placed at ${place(card?.title.en)}, your choice ${a.choice}. Please confirm or decline.`,
        },
        link: "/phan-bo",
      },
    };
  });
}

/**
 * An organisation rejected or suspended (a changed verification that takes no applications): every student with an
 * open application to it is told once per decision.
 */
async function organisationNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  if (!before || before.verification === next.verification) return [];
  const org = await getOrganisation(String(next.orgId));
  if (!org || org.verification !== next.verification) return []; // decided again since: that change tells them
  const at = String(next.updatedAt ?? next.createdAt);
  const key = `organisation:${org.id}:${org.verification}:${at}`;
  const notice = await openApplicantsNotice(org);
  const applicants = (notice?.students ?? [])
    .filter((studentId) => !isErasedToken(studentId))
    .map((userId) => ({ userId, key, at, input: notice!.input }));
  return [...(await verificationDecisionNotices(org, key, at)), ...applicants];
}

const decisionTitles: Record<string, { vi: string; en: string }> = {
  verified: { vi: "Tổ chức của bạn đã được xác minh", en: "Your organisation is verified" },
  rejected: { vi: "Tổ chức của bạn không được xác minh", en: "Your organisation was not verified" },
  suspended: { vi: "Tổ chức của bạn bị tạm ngưng", en: "Your organisation is suspended" },
  pending: { vi: "Tổ chức của bạn chờ xác minh lại", en: "Your organisation awaits verification again" },
};

/**
 * The province's verification decision tells every member of the organisation: verified (they may publish now), or
 * rejected / suspended with the reason the province gave (members already see it on the organisation page).
 */
async function verificationDecisionNotices(
  org: NonNullable<Awaited<ReturnType<typeof getOrganisation>>>,
  key: string,
  at: string,
): Promise<Notice[]> {
  const title = decisionTitles[org.verification];
  if (!title) return [];
  const name = { vi: org.name.vi, en: en(org.name) };
  const reason = org.verificationReason?.trim();
  const body =
    org.verification === "verified"
      ? { vi: `${name.vi} đã có thể đăng tin cho sinh viên.`, en: `${name.en} can now publish listings to students.` }
      : {
          vi: `${name.vi}${reason ? ` — lý do: ${reason}` : ""}. Tin của tổ chức tạm ẩn với sinh viên.`,
          en: `${name.en}${reason ? ` — reason: ${reason}` : ""}. The organisation's listings are hidden from students.`,
        };
  const members = await organisationMemberIds(org.id);
  return members
    .filter((userId) => !isErasedToken(userId))
    .map((userId) => ({
      userId,
      key: `${key}:member`,
      at,
      input: { kind: "organisation_verification" as const, title, body, link: `/to-chuc/${org.id}` },
    }));
}

/**
 * A new message in an application's thread tells the other side: the student, or every member of the listing's
 * organisation but the one who wrote. Once per message (its id is in the key). The notice carries the listing's
 * title, never the message's text, so the student's words are not copied into other people's inboxes.
 */
async function messageNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  if (before) return [];
  const listing = await getListing(String(next.listingId));
  if (!listing) return [];
  const applicationId = String(next.applicationId);
  const key = `message:${next.messageId}`;
  const at = String(next.createdAt);
  const body = { vi: listing.title.vi, en: en(listing.title) };
  if (next.side === "organisation") {
    const studentId = String(next.studentId);
    if (isErasedToken(studentId)) return [];
    const org = await getOrganisation(listing.orgId);
    const orgName = org?.name.vi ?? "";
    return [
      {
        userId: studentId,
        key,
        at,
        input: {
          kind: "message",
          title: { vi: `Tin nhắn mới từ ${orgName}`, en: `New message from ${org?.name.en ?? orgName}` },
          body,
          link: `/ung-tuyen/${applicationId}`,
        },
      },
    ];
  }
  const members = await organisationMemberIds(listing.orgId);
  return members.map((userId) => ({
    userId,
    key,
    at,
    input: {
      kind: "message" as const,
      title: { vi: "Tin nhắn mới từ ứng viên", en: "New message from an applicant" },
      body,
      link: `/tin/${listing.id}/ung-vien`,
    },
  }));
}

const derivers: Record<string, (next: Item, before: Item | undefined) => Promise<Notice[]>> = {
  message: messageNotices,
  organisation: organisationNotices,
  application: applicationNotices,
  booking: bookingNotices,
  candidateInvite: candidateInviteNotices,
  invitation: invitationNotices,
  placementRound: placementNotices,
  interview: interviewNotices,
  offer: offerNotices,
};

/**
 * Delivers the notices that stored changes stand for. Each notice has a key naming the change it reports, so
 * delivering a batch again (a retry, a replay after a restart) stores nothing twice.
 * @example await deliverNotices(event.Records);
 */
export async function deliverNotices(records: readonly DynamoDBStreamRecord[]): Promise<number> {
  let delivered = 0;
  for (const record of records) {
    const derive = derivers[entityOf(record) ?? ""];
    if (!derive || record.eventName === "REMOVE") continue;
    const next = decodeImage(record.dynamodb?.NewImage);
    if (!next) continue;
    for (const notice of await derive(next, decodeImage(record.dynamodb?.OldImage))) {
      if (await deliverNotice(notice.userId, notice.input, { key: notice.key, at: notice.at })) delivered++;
    }
  }
  return delivered;
}
