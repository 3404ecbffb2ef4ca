/**
 * TOTP enrolment through Cognito's public user APIs, called from the browser with the user's own access token
 * (scope aws.cognito.signin.user.admin): plain fetch to the JSON 1.1 protocol, no AWS SDK in the bundle.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
 */

/** Why a call failed, as the enrolment page explains it. */
export type TotpErrorReason = "wrongCode" | "expired" | "tooMany" | "failed";

export class TotpError extends Error {
  constructor(
    readonly reason: TotpErrorReason,
    /** Cognito's exception name, for the console. */
    readonly type: string,
  ) {
    super(`Cognito ${type}`);
    this.name = "TotpError";
  }
}

/** Cognito's exception names (`__type`, sometimes prefixed with a namespace and `#`) mapped to what the user can do. */
function reasonOf(type: string): TotpErrorReason {
  switch (type) {
    // VerifySoftwareToken answers a wrong or stale code with either of these.
    case "CodeMismatchException":
    case "EnableSoftwareTokenMFAException":
      return "wrongCode";
    // An expired, revoked or under-scoped access token, or an association older than Cognito keeps it.
    case "NotAuthorizedException":
    case "ExpiredCodeException":
      return "expired";
    case "TooManyRequestsException":
    case "LimitExceededException":
      return "tooMany";
    default:
      return "failed";
  }
}

async function call<T>(region: string, operation: string, body: Record<string, unknown>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`https://cognito-idp.${region}.amazonaws.com/`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new TotpError("failed", "network");
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const type =
      String(answer.__type ?? "Unknown")
        .split("#")
        .pop() ?? "Unknown";
    throw new TotpError(reasonOf(type), type);
  }
  return answer as T;
}

/** Step 1: a new TOTP secret for this user (base32), not yet active. */
export async function associateSoftwareToken(region: string, accessToken: string): Promise<string> {
  const answer = await call<{ SecretCode?: unknown }>(region, "AssociateSoftwareToken", { AccessToken: accessToken });
  if (typeof answer.SecretCode !== "string" || answer.SecretCode === "") throw new TotpError("failed", "NoSecret");
  return answer.SecretCode;
}

/** Step 2: proves the authenticator app holds the secret; then step 3 makes TOTP the user's enabled, preferred MFA. */
export async function verifyAndEnableTotp(region: string, accessToken: string, code: string, deviceName: string) {
  const verified = await call<{ Status?: unknown }>(region, "VerifySoftwareToken", {
    AccessToken: accessToken,
    UserCode: code,
    FriendlyDeviceName: deviceName,
  });
  if (verified.Status !== "SUCCESS") throw new TotpError("wrongCode", String(verified.Status));
  await call(region, "SetUserMFAPreference", {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
}

/** The base32 secret in groups of four, easier to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The otpauth:// link authenticator apps open (Key Uri Format), labelled KetNoi:<account>. */
export function otpauthUri(account: string, secret: string): string {
  const query = new URLSearchParams({ secret, issuer: "KetNoi" });
  return `otpauth://totp/KetNoi:${encodeURIComponent(account)}?${query}`;
}
