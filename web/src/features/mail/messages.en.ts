import type { MailKey } from "./messages.vi";

/** English messages of the mail settings and unsubscribe pages. */
export const mailEn: Record<MailKey, string> = {
  "mail.title": "Mail settings",
  "mail.intro":
    "Choose which notices KetNoi sends to your mailbox: at once, bundled in one mail a day (7 a.m.), or not at all. Notices always appear in the app.",
  "mail.language": "Language of the mail",
  "mail.language.vi": "Vietnamese (Tiếng Việt)",
  "mail.language.en": "English",
  "mail.kinds": "Kinds of notice",
  "mail.channel.instant": "At once",
  "mail.channel.daily": "Daily digest",
  "mail.channel.off": "Off",
  "mail.save": "Save settings",
  "mail.saving": "Saving…",
  "mail.saved": "Mail settings saved.",
  "mail.unsubscribe.title": "Unsubscribe",
  "mail.unsubscribe.question": "Stop getting “{kind}” mail from KetNoi?",
  "mail.unsubscribe.confirm": "Unsubscribe from this kind",
  "mail.unsubscribe.done": "Done. You will no longer get “{kind}” mail; notices still appear in the app.",
  "mail.unsubscribe.already": "You already unsubscribed from “{kind}” mail.",
  "mail.unsubscribe.invalid": "This link is not valid. Sign in and change your mail settings.",
  "mail.unsubscribe.settings": "Open mail settings",
};
