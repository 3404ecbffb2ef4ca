import type { Interview, Offer } from "@ketnoi/core";
import { communes } from "@ketnoi/core/places";
import type { ScopedT } from "../../app/i18n/i18n";
import { formatDate, formatDateTime, formatVnd } from "../listings/format";
import type { InterviewKey } from "./messages";

type T = ScopedT<InterviewKey>;

/** Where the interview takes place, as one line. */
export function whereText(interview: Interview, t: T): string {
  if (interview.mode === "online") return t("iv.where.online", { link: interview.link ?? "" });
  const commune = communes.find((c) => c.id === interview.communeId)?.name ?? "";
  return t("iv.where.in_person", { address: interview.address ?? "", commune });
}

/** A slot as the reader's locale writes it (Vietnam time). */
export function slotText(slot: { startsAt: string; durationMinutes: number }, t: T, locale: string): string {
  return t("iv.slotLabel", { time: formatDateTime(slot.startsAt, locale), minutes: slot.durationMinutes });
}

/** An offer's terms, one line each, in the order a student weighs them. */
export function termLines(offer: Offer, t: T, locale: string): string[] {
  const { terms } = offer;
  const pay =
    terms.payKind === "unpaid"
      ? t("offer.unpaid")
      : t(terms.payKind === "monthly" ? "offer.perMonth" : "offer.total", {
          amount: formatVnd(terms.payVnd ?? 0, locale),
        });
  return [
    t("offer.termPay", { pay }),
    t("offer.termStart", { date: formatDate(terms.startDate, locale) }),
    t("offer.termReplyBy", { date: formatDate(terms.replyBy, locale) }),
    ...(terms.place ? [t("offer.termPlace", { place: terms.place })] : []),
    ...(terms.note ? [t("offer.termNote", { note: terms.note })] : []),
  ];
}
