import { loadConfig } from "@ketnoi/functions/config";
import { routeGroupOf } from "@ketnoi/functions/routes/groups";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupFunctions } from "./api";
import { stages } from "./app";
import { apiRoutes } from "./routes";
import {
  functionPolicyStatements,
  ref,
  resourcesOfType,
  type Stage,
  type SynthesizedCdkApp,
  sampleValue,
  synthesizeCdkApp,
} from "./test/template";

let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);
const apiFunction = (stage: Stage) => one(stage, "AWS::Lambda::Function", "PlatformApiHandlerFunction")[1];
/** A route group's function: `Browse` reads the most configuration (the search snapshots), `Account` administers Cognito. */
const groupFunction = (stage: Stage, group: string) =>
  one(stage, "AWS::Lambda::Function", `PlatformApi${group}HandlerFunction`)[1];

describe.each(stages)("stage %s: the API function", (stage) => {
  it("sizes the API function and gives it only the environment its config reads, which that config accepts", () => {
    // The docs function serves the document as built: the chain's configuration, no search snapshot location.
    const docsEnv = apiFunction(stage).Properties!.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(docsEnv).filter((key) => /SEARCH|CANDIDATES/.test(key))).toEqual([]);
    const fn = groupFunction(stage, "Browse").Properties!;
    expect(fn.MemorySize).toBe(1024);
    expect(fn.Timeout).toBe(15);
    const env = fn.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(env).sort()).toEqual(
      [
        "AUTH_AUDIENCE",
        "AUTH_ISSUER",
        "AUTH_JWKS_URL",
        "CANDIDATES_KEY",
        "COGNITO_USER_POOL_ID",
        "DEV_AUTH",
        "FILES_BUCKET",
        "NODE_OPTIONS",
        "ORIGIN_VERIFY_SECRET",
        "SEARCH_BUCKET",
        "SEARCH_KEY",
        "SERVER_SECRET",
        "STAGE",
        "TABLE_NAME",
        "WEB_ORIGIN",
      ].sort(),
    );
    expect(env).toMatchObject({
      STAGE: stage,
      DEV_AUTH: "false",
      TABLE_NAME: ref(one(stage, "AWS::DynamoDB::Table", "PlatformDataTable")[0]),
    });
    const sample = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, sampleValue(value)]));
    // CloudFormation generates bucket names in lower case (search.test.ts checks the search variables further).
    sample.SEARCH_BUCKET = sample.SEARCH_BUCKET!.toLowerCase();
    sample.FILES_BUCKET = sample.FILES_BUCKET!.toLowerCase();
    expect(sample.AUTH_JWKS_URL).toBe(`${sample.AUTH_ISSUER}/.well-known/jwks.json`);
    // Lambda sets AWS_REGION itself; the rest comes from the template.
    const config = loadConfig({ ...sample, AWS_REGION: "ap-southeast-1" });
    expect(config).toMatchObject({ STAGE: stage, DEV_AUTH: false });
    expect(config.WEB_ORIGIN).toMatch(/^https:\/\//);
  });

  it("keys the API's HMACs with a generated secret and lets the function delete or disable Cognito users only", () => {
    const [secretId, secret] = one(stage, "AWS::SecretsManager::Secret", "PlatformApiServerSecret");
    expect(secret.Properties!.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    const env = apiFunction(stage).Properties!.Environment.Variables as Record<string, unknown>;
    expect(JSON.stringify(env.SERVER_SECRET)).toContain("resolve:secretsmanager");
    expect(JSON.stringify(env.SERVER_SECRET)).toContain(secretId);
    const [poolId] = one(stage, "AWS::Cognito::UserPool", "PlatformAuthUserPool");
    expect(env.COGNITO_USER_POOL_ID).toEqual(ref(poolId));
    // Only the account function (erasure, locks): not the docs function, which once was the whole app.
    const docsStatements = functionPolicyStatements(synth.templates[stage], "PlatformApiHandlerFunction");
    expect(JSON.stringify(docsStatements)).not.toMatch(/cognito-idp|search/i);
    const statements = functionPolicyStatements(synth.templates[stage], "PlatformApiAccountHandlerFunction");
    const cognito = statements.filter((s) => JSON.stringify(s.Action).includes("cognito-idp"));
    expect(cognito).toHaveLength(1);
    expect([cognito[0]!.Action].flat().sort()).toEqual(["cognito-idp:AdminDeleteUser", "cognito-idp:AdminDisableUser"]);
    expect(JSON.stringify(cognito[0]!.Resource)).toContain(poolId);
  });

  it("gives the files function the API's sign-in, secrets and origin check, and no Cognito or search access", () => {
    const files = one(stage, "AWS::Lambda::Function", "PlatformApiFilesHandlerFunction")[1].Properties!;
    const apiEnv = apiFunction(stage).Properties!.Environment.Variables as Record<string, unknown>;
    const filesEnv = files.Environment.Variables as Record<string, unknown>;
    for (const name of ["STAGE", "TABLE_NAME", "AUTH_ISSUER", "AUTH_AUDIENCE", "AUTH_JWKS_URL", "DEV_AUTH"]) {
      expect(filesEnv[name], name).toEqual(apiEnv[name]);
    }
    for (const name of ["SERVER_SECRET", "ORIGIN_VERIFY_SECRET", "WEB_ORIGIN"])
      expect(filesEnv[name], name).toEqual(apiEnv[name]);
    expect(filesEnv.SEARCH_BUCKET).toBeUndefined();
    expect(files).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    const statements = functionPolicyStatements(synth.templates[stage], "PlatformApiFilesHandlerFunction");
    expect(JSON.stringify(statements)).not.toMatch(/cognito-idp|search/i);
  });

  it("keeps logs for a week in dev and three months in prod", () => {
    const [logGroupId, logGroup] = one(stage, "AWS::Logs::LogGroup", "PlatformApiHandlerLogs");
    expect(apiFunction(stage).Properties!.LoggingConfig.LogGroup).toEqual(ref(logGroupId));
    expect(logGroup.Properties!.RetentionInDays).toBe(stage === "prod" ? 90 : 7);
    for (const [, group] of resourcesOfType(synth.templates[stage], "AWS::Logs::LogGroup")) {
      expect(group.Properties!.RetentionInDays).toBeGreaterThan(0);
    }
  });
});

describe.each(stages)("stage %s: the HTTP API", (stage) => {
  const routes = () =>
    new Map(
      resourcesOfType(synth.templates[stage], "AWS::ApiGatewayV2::Route").map(([, r]) => [r.Properties!.RouteKey, r]),
    );

  it("routes exactly the route table: the JWT authorizer on every private route, none on public ones", () => {
    const [authorizerId] = one(stage, "AWS::ApiGatewayV2::Authorizer", "PlatformApiHttpApiCognito");
    const routed = routes();
    expect([...routed.keys()].sort()).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of apiRoutes) {
      const props = routed.get(`${route.method} ${route.path}`)!.Properties!;
      if (route.access === "private") {
        expect(props, route.path).toMatchObject({ AuthorizationType: "JWT", AuthorizerId: ref(authorizerId) });
      } else {
        expect(props.AuthorizationType, route.path).toBe("NONE");
        expect(props.AuthorizerId, route.path).toBeUndefined();
      }
    }
    expect([...routed.keys()].some((key) => key.includes("dev-auth") || key.includes("$default"))).toBe(false);
  });

  it("checks Cognito tokens for the issuer and audience the function checks too", () => {
    const authorizer = one(stage, "AWS::ApiGatewayV2::Authorizer", "PlatformApiHttpApiCognito")[1].Properties!;
    const env = apiFunction(stage).Properties!.Environment.Variables;
    expect(authorizer).toMatchObject({ AuthorizerType: "JWT", IdentitySource: ["$request.header.Authorization"] });
    expect(authorizer.JwtConfiguration).toEqual({ Issuer: env.AUTH_ISSUER, Audience: [env.AUTH_AUDIENCE] });
    expect(sampleValue(env.AUTH_ISSUER)).toMatch(
      /^https:\/\/cognito-idp\.ap-southeast-1\.amazonaws\.com\/PlatformAuthUserPool/,
    );
  });

  it("throttles per stage and writes JSON access logs", () => {
    const [logsId] = one(stage, "AWS::Logs::LogGroup", "PlatformApiAccessLogs");
    const stageProps = one(stage, "AWS::ApiGatewayV2::Stage", "PlatformApiDefaultStage")[1].Properties!;
    expect(stageProps).toMatchObject({
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings:
        stage === "prod"
          ? { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }
          : { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: { DestinationArn: { "Fn::GetAtt": [logsId, "Arn"] } },
    });
    expect(JSON.parse(stageProps.AccessLogSettings.Format)).toMatchObject({
      requestId: "$context.requestId",
      status: "$context.status",
    });
  });

  it("sends each route group's paths to its own function and the documents to the docs function, payload format 2.0", () => {
    const integrations = resourcesOfType(synth.templates[stage], "AWS::ApiGatewayV2::Integration");
    // The docs function, one per group in groupFunctions, and the files function (issue 14).
    expect(integrations).toHaveLength(groupFunctions.length + 2);
    const target = (fn: RegExp) => {
      const [id, integration] = integrations.find(([, i]) => fn.test(i.Properties!.IntegrationUri["Fn::GetAtt"][0]))!;
      expect(integration.Properties).toMatchObject({ IntegrationType: "AWS_PROXY", PayloadFormatVersion: "2.0" });
      return { "Fn::Join": ["", ["integrations/", ref(id)]] };
    };
    const capital = (group: string) => `${group.charAt(0).toUpperCase()}${group.slice(1)}`;
    const targets: Record<string, unknown> = {
      docs: target(/^PlatformApiHandlerFunction/),
      files: target(/^PlatformApiFilesHandlerFunction/),
      ...Object.fromEntries(
        groupFunctions.map((group) => [group, target(new RegExp(`^PlatformApi${capital(group)}HandlerFunction`))]),
      ),
    };
    const all = [...routes()];
    for (const group of [...groupFunctions, "files"]) {
      expect(
        all.filter(([, r]) => {
          const [method, path] = String(r.Properties!.RouteKey).split(" ");
          return routeGroupOf(path!, method) === group;
        }).length,
      ).toBeGreaterThan(0);
    }
    for (const [, route] of all) {
      const key = String(route.Properties!.RouteKey);
      const [method, path] = key.split(" ");
      expect(route.Properties!.Target, key).toEqual(targets[routeGroupOf(path!, method) ?? "docs"]);
    }
    expect(
      all
        .filter(([, r]) => JSON.stringify(r.Properties!.Target) === JSON.stringify(targets.docs))
        .map(([, r]) => r.Properties!.RouteKey)
        .sort(),
    ).toEqual(["GET /api/docs", "GET /api/openapi.json"]);
  });
});
