import { type RouteGroupName, routeGroupOf } from "@ketnoi/functions/routes/groups";
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
import { apiEntry, filesEntry, groupEntry } from "./paths";
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
export { originVerifyHeader } from "@ketnoi/functions/http/origin-verify";

/** The route groups with a function of their own built from functions/src/lambdas/<group>.ts (files: files-lambda.ts). */
export const groupFunctions = [
  "browse",
  "catalog",
  "work",
  "placement",
  "organisations",
  "account",
  "insights",
  "health",
] as const satisfies readonly Exclude<RouteGroupName, "files">[];
export type GroupFunctionName = (typeof groupFunctions)[number];

/**
 * How the API's reserved concurrency (stage.ts `api`) is shared among the group functions, in hundredths: the public
 * hot path (catalog) gets the most. The shares sum to 100, so the stage's total is unchanged by the split.
 */
const concurrencyShares: Record<GroupFunctionName | "docs", number> = {
  // The public reads (listing detail, search, recommendations) and the rest of the catalogue share what the one
  // catalog function had.
  browse: 25,
  catalog: 15,
  work: 16,
  // Placement rounds: a school's or the province's staff, and students choosing during a round.
  placement: 4,
  account: 15,
  organisations: 10,
  insights: 5,
  health: 5,
  docs: 5,
};

/**
 * The HTTP API: the Hono app behind API Gateway v2, a Cognito JWT authorizer on private routes. One function per
 * route group (functions/src/routes/groups.ts, issue 14): each bundles only its group's routes behind the same
 * middleware chain, so a cold start loads what that group needs; the docs function (`handler`) serves the one
 * OpenAPI document, and the files function /api/files/*.
 */
export class KetNoiApi extends Construct {
  readonly httpApi: HttpApi;
  readonly httpStage: HttpStage;
  /** The docs function (functions/src/lambda.ts): /api/openapi.json and /api/docs, the document as built. */
  readonly handler: KetNoiFunction;
  /** One function per route group but files (functions/src/lambdas/<group>.ts). */
  readonly groupHandlers: Record<GroupFunctionName, KetNoiFunction>;
  /** Every function behind the HTTP API: docs, the group functions and files. */
  readonly handlers: KetNoiFunction[];
  /**
   * The files function: the same app mounting only the `files` route group (functions/src/files-lambda.ts), so the
   * S3 client and pdf-lib are loaded by CV requests only, not by every route's cold start (issue 14's budgets).
   */
  readonly filesHandler: KetNoiFunction;
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

    // What the app's middleware chain reads (sign-in, cursors, the CloudFront header): the same in both functions.
    const appEnvironment = {
      STAGE: stage.name,
      TABLE_NAME: data.table.tableName,
      AUTH_ISSUER: auth.issuer,
      AUTH_AUDIENCE: auth.client.userPoolClientId,
      AUTH_JWKS_URL: auth.jwksUrl,
      DEV_AUTH: "false",
      SERVER_SECRET: this.serverSecret.secretValue.unsafeUnwrap(),
      COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
      ORIGIN_VERIFY_SECRET: this.originVerifySecret.secretValue.unsafeUnwrap(),
    };
    this.handler = new KetNoiFunction(this, "Handler", {
      stage,
      entry: apiEntry,
      description: `KetNoi ${stage.name}: HTTP API documents (OpenAPI, Hono)`,
      memorySize: 1024,
      timeout: Duration.seconds(15),
      // The document as built and the middleware chain: no search snapshot, no Cognito administration.
      environment: appEnvironment,
    });
    this.groupHandlers = Object.fromEntries(
      groupFunctions.map((group) => [
        group,
        new KetNoiFunction(this, `${group.charAt(0).toUpperCase()}${group.slice(1)}Handler`, {
          stage,
          entry: groupEntry(group),
          description: `KetNoi ${stage.name}: HTTP API, ${group} routes (Hono)`,
          // 1 GB buys the CPU for a short cold start; requests are short, so the GB-seconds stay cheap.
          memorySize: 1024,
          // The DynamoDB client gives up after two attempts of at most 5 s; cold start comes on top.
          timeout: Duration.seconds(15),
          // Search and recommendations read the search snapshot (browse), the recruiters' candidates its neighbour,
          // the candidate snapshot (catalog).
          environment: {
            ...appEnvironment,
            ...(group === "catalog" || group === "browse" ? search.environment : {}),
          },
        }),
      ]),
    ) as Record<GroupFunctionName, KetNoiFunction>;
    this.filesHandler = new KetNoiFunction(this, "FilesHandler", {
      stage,
      entry: filesEntry,
      description: `KetNoi ${stage.name}: HTTP API, CV files (Hono)`,
      // The PDF check parses up to 5 MB with pdf-lib in memory: the API's size and CPU.
      memorySize: 1024,
      // A check reads the object, parses it and copies it: the DynamoDB and S3 calls, each bounded, plus cold start.
      timeout: Duration.seconds(20),
      environment: appEnvironment,
    });
    this.handlers = [this.handler, ...Object.values(this.groupHandlers), this.filesHandler];
    // Every function's middleware reads the table (sign-in, account locks, idempotency).
    for (const fn of this.handlers) data.grantDataAccess(fn.function);
    // Erasure deletes the person's Cognito user (routes/privacy.ts, the account group): only this call, this pool.
    auth.userPool.grant(
      this.groupHandlers.account.function,
      "cognito-idp:AdminDeleteUser",
      "cognito-idp:AdminDisableUser",
    );
    search.grantSnapshotRead(this.groupHandlers.catalog.function);
    search.grantSnapshotRead(this.groupHandlers.browse.function);

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

    // The documents (and any path no group claims) go to the docs function; each group's paths to its function.
    const integration = new HttpLambdaIntegration("Hono", this.handler.function);
    const filesIntegration = new HttpLambdaIntegration("HonoFiles", this.filesHandler.function);
    const groupIntegrations = Object.fromEntries(
      groupFunctions.map((group) => [
        group,
        new HttpLambdaIntegration(`Hono-${group}`, this.groupHandlers[group].function),
      ]),
    ) as Record<GroupFunctionName, HttpLambdaIntegration>;
    const integrationOf = (path: string, method: string) => {
      const group = routeGroupOf(path, method);
      if (group === "files") return filesIntegration;
      return group ? groupIntegrations[group] : integration;
    };
    const authorizer = new HttpUserPoolAuthorizer("Cognito", auth.userPool, { userPoolClients: [auth.client] });
    for (const route of props.routes ?? apiRoutes) {
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        // Each route group has its own function; the documents, the docs function (one OpenAPI document for all).
        integration: integrationOf(route.path, route.method),
        ...(route.access === "private" ? { authorizer } : {}),
      });
    }

    const { region, urlSuffix } = Stack.of(this);
    this.originDomain = `${this.httpApi.apiId}.execute-api.${region}.${urlSuffix}`;
  }

  /** The origin the browser calls from (CORS), known once the distribution exists. */
  allowWebOrigin(origin: string): void {
    for (const fn of this.handlers) fn.function.addEnvironment("WEB_ORIGIN", origin);
  }

  /**
   * Reserves the stage's concurrency: `api` shared among the docs and group functions (concurrencyShares, at least
   * 1 each), `files` for the files function.
   */
  reserveConcurrency(reserved: { api: number; files: number } | undefined): void {
    if (!reserved) return;
    this.handler.reserveConcurrency(Math.max(1, Math.round((reserved.api * concurrencyShares.docs) / 100)));
    for (const group of groupFunctions) {
      this.groupHandlers[group].reserveConcurrency(
        Math.max(1, Math.round((reserved.api * concurrencyShares[group]) / 100)),
      );
    }
    this.filesHandler.reserveConcurrency(reserved.files);
  }
}
