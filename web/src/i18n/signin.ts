import type { Catalog } from "./i18n";
import { signInEn } from "./signin.en";
import { type SignInKey, signInVi } from "./signin.vi";

export type { SignInKey };

/** Messages of the sign-in pages: the demo accounts locally, Cognito's hosted UI in a deployed stage. */
export const signInMessages: Catalog<SignInKey> = { vi: signInVi, en: signInEn };
