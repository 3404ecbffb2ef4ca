import { Duration, Stack } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import type { KetNoiAuth } from "./auth";
import type { KetNoiData } from "./data";
import { KetNoiFunction } from "./function";
import { apiEntry } from "./paths";
import { type ApiRoute, apiRoutes } from "./routes";
import type { KetNoiSearch } from "./search";
import type { StageSettings } from "./stage";

export interface KetNoiApiProps {
  readonly stage: StageSettings;
  readonly data: KetNoiData;
  readonly auth: KetNoiAuth;
  /** The search snapshot the function reads (never writes). */
  readonly search: KetNoiSearch;
  /** The routes to expose; `apiRoutes` unless a test narrows them. */
  readonly routes?: readonly ApiRoute[];
}

/** One JSON line per request; the request id matches the function's log lines. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: "$context.requestId",
    time: "$context.requestTime",
    ip: "$context.identity.sourceIp",
    method: "$context.httpMethod",
    routeKey: "$context.routeKey",
    status: "$context.status",
    responseLength: "$context.responseLength",
    latencyMs: "$context.responseLatency",
    integrationLatencyMs: "$context.integrationLatency",
    integrationError: "$context.integrationErrorMessage",
    authorizerError: "$context.authorizer.error",
  }),
);

/**
 * The header CloudFront adds to every request it forwards to the API, with a secret value the API checks
 * (functions/src/http/origin-verify.ts): a caller of the execute-api URL who skips CloudFront (and its WAF) lacks it.
 */
export { originVerifyHeader } from "../functions/src/http/origin-verify";

/** The HTTP API: one Hono function behind API Gateway v2, a Cognito JWT authorizer on private routes. */
export class KetNoiApi extends Construct {
  readonly httpApi: HttpApi;
  readonly httpStage: HttpStage;
  readonly handler: KetNoiFunction;
  readonly accessLogs: LogGroup;
  readonly serverSecret: Secret;
  /** The host CloudFront forwards /api/* to. */
  readonly originDomain: string;
  /** The value of `originVerifyHeader` (rotation: docs/operations.md). */
  readonly originVerifySecret: Secret;

  constructor(scope: Construct, id: string, props: KetNoiApiProps) {
    super(scope, id);
    const { stage, data, auth, search } = props;

    // The key of the API's HMACs (signed page cursors, candidate pseudonyms): generated once per stage, never in
    // the code or the repository; CloudFormation resolves it into the function's environment at deploy.
    this.serverSecret = new Secret(this, "ServerSecret", {
      description: `KetNoi ${stage.name}: HMAC key for page cursors and candidate pseudonyms`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: stage.removalPolicy,
    });
    // Resolved by CloudFormation at deploy into CloudFront's origin header and the function's environment, so the
    // function never calls Secrets Manager at run time (no cold-start cost, no extra permission).
    this.originVerifySecret = new Secret(this, "OriginVerify", {
      description: `KetNoi ${stage.name}: header value proving a request came through CloudFront`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: stage.removalPolicy,
    });

    this.handler = new KetNoiFunction(this, "Handler", {
      stage,
      entry: apiEntry,
      description: `KetNoi ${stage.name}: HTTP API (Hono)`,
      // 1 GB buys the CPU for a short cold start; requests are short, so the GB-seconds stay cheap.
      memorySize: 1024,
      // The DynamoDB client gives up after two attempts of at most 5 s; cold start comes on top.
      timeout: Duration.seconds(15),
      environment: {
        STAGE: stage.name,
        TABLE_NAME: data.table.tableName,
        AUTH_ISSUER: auth.issuer,
        AUTH_AUDIENCE: auth.client.userPoolClientId,
        AUTH_JWKS_URL: auth.jwksUrl,
        DEV_AUTH: "false",
        SERVER_SECRET: this.serverSecret.secretValue.unsafeUnwrap(),
        COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
        ORIGIN_VERIFY_SECRET: this.originVerifySecret.secretValue.unsafeUnwrap(),
        ...search.environment,
      },
    });
    data.grantDataAccess(this.handler.function);
    // Erasure deletes the person's Cognito user (and an admin may disable one): only these two calls, this pool.
    auth.userPool.grant(this.handler.function, "cognito-idp:AdminDeleteUser", "cognito-idp:AdminDisableUser");
    search.grantSnapshotRead(this.handler.function);

    this.httpApi = new HttpApi(this, "HttpApi", {
      description: `KetNoi ${stage.name} API`,
      // The stage below replaces the default one to carry throttling and access logs.
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, "AccessLogs", {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.httpStage = new HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: stage.apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat },
    });

    const integration = new HttpLambdaIntegration("Hono", this.handler.function);
    const authorizer = new HttpUserPoolAuthorizer("Cognito", auth.userPool, { userPoolClients: [auth.client] });
    for (const route of props.routes ?? apiRoutes) {
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        ...(route.access === "private" ? { authorizer } : {}),
      });
    }

    const { region, urlSuffix } = Stack.of(this);
    this.originDomain = `${this.httpApi.apiId}.execute-api.${region}.${urlSuffix}`;
  }

  /** The origin the browser calls from (CORS), known once the distribution exists. */
  allowWebOrigin(origin: string): void {
    this.handler.function.addEnvironment("WEB_ORIGIN", origin);
  }
}
