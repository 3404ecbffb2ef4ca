import { AwsServiceError, errorAnswer, type Json, signedJsonCaller } from "../aws/signed-json";
import type { PostAnswer } from "../aws/signed-post-node";

export interface CognitoAdminOptions {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Another Cognito than AWS's regional endpoint (the tests' local stand-in). */
  endpoint?: string;
  /** How long one attempt may take before it fails as TimeoutError. */
  requestTimeoutMs?: number;
  /** Attempts per operation, the first included. */
  maxAttempts?: number;
}

/** What AdminGetUser answers that KetNoi reads (the MFA claim trigger, auth/mfa-claim-lambda.ts). */
export interface AdminGetUserOutput {
  Username?: string;
  UserMFASettingList?: string[];
  Enabled?: boolean;
  UserStatus?: string;
}

/**
 * An error Cognito answered, under the SDK's name for it (UserNotFoundException, NotAuthorizedException,
 * TooManyRequestsException…) with `$metadata.httpStatusCode`, as `@aws-sdk/client-cognito-identity-provider` throws.
 */
export class CognitoServiceError extends AwsServiceError {}

async function serviceError(response: PostAnswer): Promise<CognitoServiceError> {
  const { name, message, requestId } = await errorAnswer(response, "Cognito");
  return new CognitoServiceError(name, message, response.status, requestId);
}

/**
 * The Cognito user pool's admin operations KetNoi uses, as SigV4-signed POSTs to Cognito's JSON 1.1 protocol
 * (`X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, signing name `cognito-idp`) through
 * aws/signed-json.ts, instead of @aws-sdk/client-cognito-identity-provider and @smithy (~180 kB of the account
 * function, issue 14). The same retries and timeouts as the DynamoDB fetch transport: 2 attempts for throttling
 * (TooManyRequestsException), 5xx and dropped connections, each attempt cut after 5 s.
 */
export function cognitoAdmin(options: CognitoAdminOptions) {
  const call = signedJsonCaller({
    service: "cognito-idp",
    region: options.region,
    url: options.endpoint ?? `https://cognito-idp.${options.region}.amazonaws.com/`,
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    jsonVersion: "1.1",
    targetPrefix: "AWSCognitoIdentityProviderService",
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    maxAttempts: options.maxAttempts ?? 2,
    error: serviceError,
  });
  const send = (operation: string, input: Json) => call(operation, JSON.stringify(input));
  return {
    /** Deletes the user; throws CognitoServiceError `UserNotFoundException` when there is none. */
    async adminDeleteUser(input: { UserPoolId: string; Username: string }): Promise<void> {
      await send("AdminDeleteUser", input);
    },
    async adminGetUser(input: { UserPoolId: string; Username: string }): Promise<AdminGetUserOutput> {
      return (await send("AdminGetUser", input)) as AdminGetUserOutput;
    },
  };
}

export type CognitoAdmin = ReturnType<typeof cognitoAdmin>;

/**
 * A client with the function role's keys from the environment, where the Lambda runtime puts them
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), as the deployed SDK clients' credentials came from
 * (bundle/env-credentials.ts). Throws naming a missing key, as the SDK's fromEnv did on the first call.
 */
export function cognitoAdminFromEnv(
  region: string,
  endpoint?: string,
  env: NodeJS.ProcessEnv = process.env,
): CognitoAdmin {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error("cognito: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (the Lambda runtime sets them)");
  }
  return cognitoAdmin({
    region,
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    ...(endpoint ? { endpoint } : {}),
  });
}
