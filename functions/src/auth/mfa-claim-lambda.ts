import { type CognitoAdmin, cognitoAdminFromEnv } from "./cognito-admin";
import { mfaClaim, mfaClaimTotp } from "./mfa";

/** The part of Cognito's pre-token-generation (V1_0) event this trigger reads and writes. */
export interface PreTokenGenerationEvent {
  userPoolId: string;
  userName: string;
  request: { groupConfiguration?: { groupsToOverride?: string[] } };
  response: { claimsOverrideDetails?: { claimsToAddOrOverride?: Record<string, string> } | null };
}

/** The MFA methods a user has enabled, as AdminGetUser reports them (`UserMFASettingList`). */
export type MfaSettingsLookup = (userPoolId: string, userName: string) => Promise<readonly string[]>;

// A SigV4-signed fetch (auth/cognito-admin.ts, 2 attempts as the SDK client here had), with the role's keys and
// region from the environment Lambda sets: no SDK client in this function, whose cold start delays a sign-in.
let client: CognitoAdmin | undefined;
const lookupWithCognito: MfaSettingsLookup = async (userPoolId, userName) => {
  client ??= cognitoAdminFromEnv(process.env.AWS_REGION ?? "ap-southeast-1");
  return (await client.adminGetUser({ UserPoolId: userPoolId, Username: userName })).UserMFASettingList ?? [];
};

/**
 * Adds `ketnoi_mfa: "totp"` to the ID token of a user with an authenticator app enrolled (see ./mfa.ts for why
 * that means the sign-in passed it). Users without a group are students, for whom MFA is optional: they are not
 * looked up, which keeps their sign-in free of the extra call.
 */
export async function addMfaClaim(
  event: PreTokenGenerationEvent,
  lookup: MfaSettingsLookup = lookupWithCognito,
): Promise<PreTokenGenerationEvent> {
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  if (groups.length === 0) return event;
  const enabled = await lookup(event.userPoolId, event.userName);
  if (enabled.includes("SOFTWARE_TOKEN_MFA")) {
    event.response = { claimsOverrideDetails: { claimsToAddOrOverride: { [mfaClaim]: mfaClaimTotp } } };
  }
  return event;
}

/** The Lambda entry Cognito invokes before issuing tokens (infra/auth.ts). */
export const handler = (event: PreTokenGenerationEvent) => addMfaClaim(event);
