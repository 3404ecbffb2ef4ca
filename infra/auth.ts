import { type Role, roles } from "@ketnoi/core/roles";
import { Aws, Duration, Fn, Lazy, Stack } from "aws-cdk-lib";
import {
  AccountRecovery,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
  UserPoolOperation,
} from "aws-cdk-lib/aws-cognito";
import { Policy, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { KetNoiFunction } from "./function";
import { mfaClaimEntry } from "./paths";
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

/** The web app's route that receives the authorization code (web/src/features/signin/SignInCallback.tsx). */
export const signInCallbackPath = "/dang-nhap/xong";
/** Where Cognito sends the browser after signing out: the home page. */
export const signOutReturnPath = "/";
/** The Vite dev server, allowed as an OAuth redirect target on non-production stages only. */
export const localDevOrigin = "http://localhost:5173";

/**
 * The hosted-UI domain prefix's fixed part: `ketnoi-<stage>-`. Cognito prefixes are unique per region across all
 * accounts, so the deployed prefix adds the first 8 hex digits of the stack's own id (a UUID, stable for the
 * stack's lifetime). Cognito rejects prefixes with "aws", "amazon" or "cognito" and longer than 63 characters.
 */
export function authDomainPrefixStart(stage: string): string {
  const start = `ketnoi-${stage}-`;
  if (/aws|amazon|cognito/.test(start)) {
    throw new Error(`Stage "${stage}": Cognito domain prefixes may not contain "aws", "amazon" or "cognito".`);
  }
  if (start.length + 8 > 63) throw new Error(`Stage "${stage}" is too long for a Cognito domain prefix.`);
  return start;
}

export interface KetNoiAuthProps {
  readonly stage: StageSettings;
  readonly emailSender?: EmailSenderProps;
}

/** Sign-in for KetNoi: a user pool (email as user name), the web app's client and the role groups. */
export class KetNoiAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The hosted UI (classic) on a Cognito prefix domain. */
  readonly domain: UserPoolDomain;
  /** The hosted UI's host name, e.g. `ketnoi-dev-1a2b3c4d.auth.ap-southeast-1.amazoncognito.com` (a token). */
  readonly authDomain: string;
  /** Origins (`https://host`) the web app is served from; the OAuth callback and logout URLs are built on them. */
  private readonly webOrigins: string[] = [];
  /** The token issuer, as the API and the API Gateway authorizer check it. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** The pre-token-generation trigger that marks ID tokens of users with an authenticator app (ketnoi_mfa). */
  readonly mfaClaim: KetNoiFunction;

  constructor(scope: Construct, id: string, props: KetNoiAuthProps) {
    super(scope, id);
    const { stage, emailSender } = props;
    const { region } = Stack.of(this);

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
      // OPTIONAL, not REQUIRED: students sign themselves up and need no second factor. Staff, recruiters, province
      // officers and admins do: the API refuses their tokens without the MFA claim the trigger below adds
      // (functions/src/auth/mfa.ts, docs/deploy.md, MFA). Cognito asks everyone who enrolled at each sign-in.
      mfa: Mfa.OPTIONAL,
      // An authenticator app costs nothing; SMS would bill per message. Passkeys need the Essentials plan.
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

    // Redirect targets: the site's origins (known once the distribution exists, see `allowWebOrigin`), and on
    // non-production stages the local Vite server, so a developer can try the hosted UI against a dev stage.
    const originsFor = (path: string) =>
      Lazy.list({
        produce: () => [
          ...this.webOrigins.map((origin) => `${origin}${path}`),
          ...(stage.isProduction ? [] : [`${localDevOrigin}${path}`]),
        ],
      });
    this.node.addValidation({
      validate: () =>
        this.webOrigins.length > 0 ? [] : ["KetNoiAuth: call allowWebOrigin() with the site's URL (OAuth callbacks)"],
    });

    this.client = this.userPool.addClient("WebClient", {
      // A browser app cannot keep a secret: it proves itself with PKCE instead.
      generateSecret: false,
      // The hosted UI signs people in; the client allows no user-pool API sign-in flow (no SRP, no password).
      // CDK adds refresh tokens to any explicit list, and an explicit list is needed: without one Cognito
      // enables SRP and custom auth.
      authFlows: { userSrp: false },
      oAuth: {
        // Authorization code with PKCE only: no implicit grant (tokens in the URL), no client credentials.
        flows: { authorizationCodeGrant: true },
        // COGNITO_ADMIN (aws.cognito.signin.user.admin) lets the user's access token call Cognito's own user APIs on
        // that user only: the web's TOTP enrolment (web/src/features/security/Security.tsx) needs AssociateSoftwareToken,
        // VerifySoftwareToken and SetUserMFAPreference. It grants no admin API and nothing over other users.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls: originsFor(signInCallbackPath),
        logoutUrls: originsFor(signOutReturnPath),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
    });

    // The stack id is arn:…:stack/<name>/<uuid>: its uuid's first group makes the prefix unique and stable.
    const stackUuidStart = Fn.select(0, Fn.split("-", Fn.select(2, Fn.split("/", Aws.STACK_ID))));
    this.domain = this.userPool.addDomain("HostedUi", {
      cognitoDomain: { domainPrefix: `${authDomainPrefixStart(stage.name)}${stackUuidStart}` },
      // The classic hosted UI needs no branding resource; managed login (v2) shows an error page without one.
      managedLoginVersion: ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });
    this.authDomain = `${this.domain.domainName}.auth.${region}.amazoncognito.com`;

    for (const role of roleGroups) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `KetNoi role: ${role}` });
    }

    // Cognito's ID tokens carry no `amr`: this trigger adds `ketnoi_mfa: "totp"` for users with TOTP enrolled
    // (V1_0 event: ID token only, the token the web app sends; available on the Lite plan).
    this.mfaClaim = new KetNoiFunction(this, "MfaClaim", {
      stage,
      entry: mfaClaimEntry,
      description: `KetNoi ${stage.name}: marks ID tokens of users with an authenticator app`,
      memorySize: 256,
      // Cognito waits at most 5 s for a trigger.
      timeout: Duration.seconds(5),
      environment: {},
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, this.mfaClaim.function);
    // A separate policy, not the role's default one: the function would otherwise depend on the pool's ARN while
    // the pool depends on the function (a cycle CloudFormation refuses).
    new Policy(this, "MfaClaimReadsUsers", {
      roles: [this.mfaClaim.function.role!],
      statements: [
        new PolicyStatement({ actions: ["cognito-idp:AdminGetUser"], resources: [this.userPool.userPoolArn] }),
      ],
    });

    // Built exactly as the API Gateway user-pool authorizer builds it, so that both check the same issuer.
    this.issuer = `https://cognito-idp.${region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
  }

  /** Lets the site at `origin` (`https://host`, no trailing slash) receive sign-in codes and sign-out returns. */
  allowWebOrigin(origin: string): void {
    this.webOrigins.push(origin);
  }
}
