import type { SecurityKey } from "./messages.vi";

/** English messages of the account security page. */
export const securityEn: Record<SecurityKey, string> = {
  "security.title": "Account security",
  "security.intro":
    "Your role can see students' personal data, so KetNoi requires two-step verification with an authenticator app (Google Authenticator, Microsoft Authenticator…).",
  "security.signedOut": "Sign in to set up two-step verification.",
  "security.signIn": "Sign in",
  "security.devSimulated":
    "Development environment: two-step verification is simulated. Demo accounts already count as verified; no app to set up.",
  "security.needFreshSignIn":
    "To set this up, KetNoi needs a fresh sign-in (this one has expired or the page was reloaded).",
  "security.signInAgain": "Sign in again",
  "security.start": "Start setup",
  "security.starting": "Getting the secret key…",
  "security.step1": "Step 1: add KetNoi to your authenticator app",
  "security.step1Help":
    "On your phone, open the link below, or in the app choose “Enter a setup key” and type the secret key (type: time-based).",
  "security.secretLabel": "Secret key",
  "security.openInApp": "Open in authenticator app",
  "security.step2": "Step 2: enter the 6-digit code the app shows",
  "security.codeLabel": "Verification code",
  "security.codeHint": "6 digits, changing every 30 seconds.",
  "security.codeInvalid": "Enter exactly 6 digits.",
  "security.verify": "Confirm",
  "security.verifying": "Confirming…",
  "security.done":
    "Two-step verification is on. Sign out and sign in again: from now on KetNoi asks for the code from your authenticator app at every sign-in.",
  "security.doneButton": "Sign out to sign in again",
  "security.error.wrongCode": "The code is wrong or has expired. Enter the code your app shows now.",
  "security.error.expired": "The setup session has expired. Sign in again and start over.",
  "security.error.tooMany": "Too many attempts. Wait a few minutes and try again.",
  "security.error.failed": "Could not reach the sign-in service. Please try again in a few minutes.",
};
