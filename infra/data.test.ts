import { createTableInput, tableDefinition } from "@ketnoi/functions/db/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { indexDataActions, tableDataActions } from "./data";
import { ref, resourcesOfType, type Stage, type SynthesizedCdkApp, synthesizeCdkApp } from "./test/template";

let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);
const apiFunction = (stage: Stage) => one(stage, "AWS::Lambda::Function", "PlatformApiHandlerFunction")[1];

describe.each(stages)("stage %s", (stage) => {
  it("builds the table from the declaration the local table uses", () => {
    const table = one(stage, "AWS::DynamoDB::Table", "PlatformDataTable")[1].Properties!;
    const local = createTableInput("x");
    expect(table.KeySchema).toEqual(local.KeySchema);
    expect(table.AttributeDefinitions).toEqual(expect.arrayContaining(local.AttributeDefinitions));
    expect(table.AttributeDefinitions).toHaveLength(local.AttributeDefinitions.length);
    expect(table.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(table.BillingMode).toBe("PAY_PER_REQUEST");
    expect(table.StreamSpecification).toEqual({ StreamViewType: tableDefinition.stream });
    expect(table.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
    // AWS-managed KMS key (aws/dynamodb), not the AWS-owned default.
    expect(table.SSESpecification).toEqual({ SSEEnabled: true });
    expect(table.Tags).toEqual(
      expect.arrayContaining([
        { Key: "project", Value: "ketnoi" },
        { Key: "stage", Value: stage },
      ]),
    );
  });

  it("keeps production data (PITR, deletion protection, RETAIN) and lets dev data go", () => {
    const [, table] = one(stage, "AWS::DynamoDB::Table", "PlatformDataTable");
    const prod = stage === "prod";
    expect(table.Properties!.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: prod });
    expect(table.Properties!.DeletionProtectionEnabled).toBe(prod);
    expect(table.DeletionPolicy).toBe(prod ? "Retain" : "Delete");
    expect(one(stage, "AWS::Cognito::UserPool", "PlatformAuthUserPool")[1].DeletionPolicy).toBe(
      prod ? "Retain" : "Delete",
    );
  });

  it("grants the API function item access to the table and queries on its indexes, nothing wider", () => {
    const roleId = apiFunction(stage).Properties!.Role["Fn::GetAtt"][0];
    const [tableId] = one(stage, "AWS::DynamoDB::Table", "PlatformDataTable");
    const tableArn = { "Fn::GetAtt": [tableId, "Arn"] };
    const statements = resourcesOfType(synth.templates[stage], "AWS::IAM::Policy")
      .filter(([, policy]) =>
        policy.Properties!.Roles.some((r: unknown) => JSON.stringify(r) === JSON.stringify(ref(roleId))),
      )
      .flatMap(([, policy]) => policy.Properties!.PolicyDocument.Statement)
      // The snapshot read (s3) is search's: search.test.ts asserts each function's whole policy.
      .filter((statement: { Action: string | string[] }) =>
        [statement.Action].flat().some((action) => action.startsWith("dynamodb:")),
      );
    expect(statements).toEqual([
      { Effect: "Allow", Action: [...tableDataActions], Resource: tableArn },
      { Effect: "Allow", Action: indexDataActions[0], Resource: { "Fn::Join": ["", [tableArn, "/index/*"]] } },
    ]);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).not.toContain("dynamodb:Scan");
    expect(actions.every((a: string) => !a.endsWith("*"))).toBe(true);
  });
});
