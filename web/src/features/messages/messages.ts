import type { Catalog } from "../../app/i18n/i18n";
import { conversationEn } from "./messages.en";
import { type ConversationKey, conversationVi } from "./messages.vi";

/** Messages of the thread and notes components (with the shared ones). */
export const conversationMessages: Catalog<ConversationKey> = { vi: conversationVi, en: conversationEn };
