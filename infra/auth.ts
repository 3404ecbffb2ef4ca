import { Duration, Stack } from "aws-cdk-lib";
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
} from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";
import { type Role, roles } from "../packages/core/src/roles";
import type { StageSettings } from "./stage";

/**
 * The Cognito groups: one per role a person is given. Students sign themselves up and carry no group (the API
 * reads "no group" as student), so there is no student group: a user in one would outrank their real role.
 */
export const roleGroups: readonly Exclude<Role, "student">[] = roles.filter(
  (role): role is Exclude<Role, "student"> => role !== "student",
);

/** Sending sign-up and reset emails through SES (Cognito's own sender allows ~50 emails a day). */
export interface EmailSenderProps {
  /** A verified SES identity in the stack's region, e.g. "no-reply@ketnoi.dongnai.gov.vn". */
  readonly fromEmail: string;
  readonly fromName?: string;
}

export interface KetNoiAuthProps {
  readonly stage: StageSettings;
  readonly emailSender?: EmailSenderProps;
}

/** Sign-in for KetNoi: a user pool (email as user name), the web app's client and the role groups. */
export class KetNoiAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The token issuer, as the API and the API Gateway authorizer check it. */
  readonly issuer: string;
  readonly jwksUrl: string;

  constructor(scope: Construct, id: string, props: KetNoiAuthProps) {
    super(scope, id);
    const { stage, emailSender } = props;

    this.userPool = new UserPool(this, "UserPool", {
      // Lite: the features used here, at the lowest price per monthly active user above the free 10,000.
      featurePlan: FeaturePlan.LITE,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      passwordPolicy: {
        minLength: 10,
        requireLowercase: true,
        requireDigits: true,
        requireUppercase: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      // An authenticator app costs nothing; SMS would bill per message.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Users read Vietnamese first; Cognito's defaults are English only.
      userVerification: {
        emailSubject: "KetNoi: mã xác minh / verification code",
        emailBody: "Mã xác minh KetNoi của bạn là {####}.\n\nYour KetNoi verification code is {####}.",
      },
      userInvitation: {
        emailSubject: "KetNoi: tài khoản của bạn / your account",
        emailBody:
          "Tài khoản KetNoi: {username}, mật khẩu tạm thời: {####} (đổi khi đăng nhập lần đầu).\n\n" +
          "Your KetNoi account: {username}, temporary password: {####} (change it at first sign-in).",
      },
      ...(emailSender
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: emailSender.fromEmail,
              ...(emailSender.fromName ? { fromName: emailSender.fromName } : {}),
            }),
          }
        : {}),
      deletionProtection: stage.isProduction,
      removalPolicy: stage.removalPolicy,
    });

    this.client = this.userPool.addClient("WebClient", {
      // A browser app cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // No hosted UI and no implicit flow: the web app signs in with SRP against the user pool API.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
    });

    for (const role of roleGroups) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `KetNoi role: ${role}` });
    }

    // Built exactly as the API Gateway user-pool authorizer builds it, so that both check the same issuer.
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
  }
}
