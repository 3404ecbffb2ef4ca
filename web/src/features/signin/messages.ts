import type { Catalog } from "../../app/i18n/i18n";
import { signInEn } from "./messages.en";
import { type SignInKey, signInVi } from "./messages.vi";

export type { SignInKey };

/** Messages of the sign-in pages: the demo accounts locally, Cognito's hosted UI in a deployed stage. */
export const signInMessages: Catalog<SignInKey> = { vi: signInVi, en: signInEn };
