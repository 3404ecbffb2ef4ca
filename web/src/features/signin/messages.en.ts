import type { SignInKey } from "./messages.vi";

/** English messages of the sign-in pages. */
export const signInEn: Record<SignInKey, string> = {
  "signIn.title": "Sign in",
  "signIn.intro": "This is a test environment: pick a demo account to see KetNoi as that user sees it.",
  "signIn.button": "Sign in",
  "signIn.as": "Sign in as {name}",
  "signIn.signingIn": "Signing in…",
  "signIn.failed": "Could not sign in.",
  "signIn.empty": "There are no demo accounts yet. Load the demo data (npm run seed).",
  "signIn.current": "You are signed in as {name}.",
  "signIn.cognitoIntro":
    "Sign in with your email. Students without an account can sign up; university, company and province accounts are granted by an administrator.",
  "signIn.cognitoButton": "Sign in / Sign up with a KetNoi account",
  "signIn.cognitoNote":
    "You will go to KetNoi's secure sign-in page (Amazon Cognito, in English), then come back here.",
  "signIn.cognitoUnsupported":
    "This browser does not support secure sign-in. Please use a recent Chrome, Edge, Firefox or Safari.",
  "signIn.redirecting": "Going to the sign-in page…",
  "signIn.callbackWorking": "Finishing sign-in…",
  "signIn.callbackState": "This sign-in is invalid or has expired. Please sign in again.",
  "signIn.callbackDenied": "Sign-in was cancelled or refused.",
  "signIn.callbackFailed": "Sign-in could not be completed. Please try again in a few minutes.",
  "signIn.again": "Sign in again",
};
