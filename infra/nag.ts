import { Stack } from "aws-cdk-lib";
import { NagSuppressions } from "cdk-nag";
import type { KetNoiPlatform } from "./ketnoi";
import { apiRoutes } from "./routes";

type Suppression = { id: string; reason: string; appliesTo?: string[] };

const basicExecutionRole = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
const lambdaRuntime: Suppression = {
  id: "AwsSolutions-L1",
  reason:
    "Node.js 22 on purpose: the bundles target node22 and every test and bench runs on the pinned Node 22 " +
    "(docs/decisions.md); moving to a newer runtime is a tested change of its own.",
};
const logsOnlyRole: Suppression = {
  id: "AwsSolutions-IAM4",
  reason: "AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs.",
  appliesTo: [basicExecutionRole],
};
const tableIndexes: Suppression = {
  id: "AwsSolutions-IAM5",
  reason: "The table's own GSIs (<table>/index/*): queries by index need it; no other table is reachable.",
  appliesTo: ["Resource::<PlatformDataTable0CD43827.Arn>/index/*"],
};

/**
 * cdk-nag (AwsSolutions) findings KetNoi accepts, each with its reason, on the production platform. infra/nag.test.ts
 * applies them, runs the pack and fails on any finding not listed here; add one only with a reason a reviewer can
 * check. Not called by the deploy entries: cdk-nag does not load inside SST's ES module bundle of sst.config.ts.
 */
export function suppressAcceptedNagFindings(platform: KetNoiPlatform, options: { defaultDomain: boolean }): void {
  const add = (construct: Parameters<typeof NagSuppressions.addResourceSuppressions>[0], list: Suppression[]) =>
    NagSuppressions.addResourceSuppressions(construct, list, true);

  const tableReaders = [...platform.api.handlers, platform.streamConsumer.handler];
  for (const fn of [...tableReaders, platform.retention.handler, platform.interviewJobs.handler]) {
    add(fn, [lambdaRuntime, logsOnlyRole, tableIndexes]);
  }
  add(platform.auth.mfaClaim, [lambdaRuntime, logsOnlyRole]);
  // CV files: one object per file under two fixed prefixes, keys made of the student's id and a random file id.
  const filesPrefixes: Suppression = {
    id: "AwsSolutions-IAM5",
    reason:
      "CV files are objects named by random ids under two fixed prefixes of the files bucket (uploads/, cv/); the " +
      "grants name those prefixes and no other bucket or action (infra/files.ts).",
    appliesTo: ["uploads/*", "cv/*"].map((p) => `Resource::<PlatformFilesCvFiles58D1EBAA.Arn>/${p}`),
  };
  add(platform.api.groupHandlers.account, [filesPrefixes]);
  add(platform.api.filesHandler, [filesPrefixes]);
  add(platform.streamConsumer.handler, [filesPrefixes]);
  add(platform.streamConsumer.handler, [
    {
      id: "AwsSolutions-IAM5",
      reason: "dynamodb:ListStreams takes no resource ARN (CDK grants it on *); the stream ARN is scoped.",
      appliesTo: ["Resource::*"],
    },
  ]);
  add(platform.streamConsumer.deadLetterQueue, [
    {
      id: "AwsSolutions-SQS3",
      reason: "This queue is itself the dead-letter destination of the stream consumer (its on-failure target).",
    },
  ]);

  // Mail (infra/mail.ts), when mounted: three functions on the table, the consumer a stream reader like the other.
  const mail = platform.mail;
  if (mail) {
    for (const fn of [mail.consumer, mail.digest, mail.bounces]) add(fn, [lambdaRuntime, logsOnlyRole, tableIndexes]);
    add(mail.consumer, [
      {
        id: "AwsSolutions-IAM5",
        reason: "dynamodb:ListStreams takes no resource ARN (CDK grants it on *); the stream ARN is scoped.",
        appliesTo: ["Resource::*"],
      },
    ]);
    add(mail.deadLetterQueue, [
      {
        id: "AwsSolutions-SQS3",
        reason: "This queue is itself the dead-letter destination of the mail consumer (its on-failure target).",
      },
    ]);
  }

  add(platform.auth.userPool, [
    {
      id: "AwsSolutions-COG1",
      reason:
        "10 characters with lowercase and digits; symbols and uppercase are not required, following NIST " +
        "SP 800-63B (length over composition rules), for students signing up on phones.",
    },
    {
      id: "AwsSolutions-COG2",
      reason:
        "MFA is OPTIONAL at the pool because students need none; the API refuses staff, recruiter, province and " +
        "admin tokens without the MFA claim (functions/src/auth/mfa.ts).",
    },
    {
      id: "AwsSolutions-COG3",
      reason:
        "Advanced security (threat protection) needs the Plus plan (~$0.02/MAU); the Lite plan plus WAF and MFA " +
        "for staff roles is the chosen cost level (docs/operations.md, Costs).",
    },
  ]);
  add(platform.api.originVerifySecret, [
    {
      id: "AwsSolutions-SMG4",
      reason:
        "Rotating it needs CloudFront and the function updated together: a redeploy does it (docs/operations.md, " +
        "Rotate secrets); a rotation Lambda would change it behind CloudFront's back.",
    },
  ]);
  add(platform.api.serverSecret, [
    {
      id: "AwsSolutions-SMG4",
      reason:
        "The HMAC key of page cursors and candidate pseudonyms is resolved into the function's environment at " +
        "deploy; rotating it invalidates every open cursor and changes pseudonyms, so it is rotated deliberately by a " +
        "redeploy (docs/operations.md, Rotate secrets), not on a schedule behind the running function's back.",
    },
  ]);

  for (const bucket of [platform.web.bucket, platform.web.logBucket, platform.search.bucket, platform.files.bucket]) {
    add(bucket, [
      {
        id: "AwsSolutions-S1",
        reason:
          "Web assets are read only through CloudFront, whose access logs cover them; the search snapshot is " +
          "read and written only by KetNoi's functions (CloudTrail records them); the log bucket holds the logs; CV " +
          "files are reached only through presigned URLs the API hands out, each download recorded in the student's " +
          "file-access log (functions/src/routes/files.ts).",
      },
    ]);
  }
  add(platform.web.distribution, [
    {
      id: "AwsSolutions-CFR1",
      reason: "No geo restriction: partner enterprises and universities abroad use KetNoi too.",
    },
    ...(options.defaultDomain
      ? [
          {
            id: "AwsSolutions-CFR4",
            reason:
              "The default CloudFront domain was accepted explicitly (acceptDefaultDomain); with a custom domain " +
              "the distribution enforces TLSv1.2_2021 (docs/deploy.md, Custom domain).",
          },
        ]
      : []),
  ]);

  // Public read routes: anyone may read the catalogue; the app still reads a token when one is sent.
  for (const route of apiRoutes.filter((r) => r.access === "public")) {
    // HttpApi.addRoutes names each route's construct like this (e.g. "GET--api--search").
    const id = `${route.method}${route.path.replaceAll("/", "--")}`;
    const construct = platform.api.httpApi.node.tryFindChild(id);
    if (!construct) throw new Error(`nag: no API Gateway route construct ${id}`);
    add(construct, [{ id: "AwsSolutions-APIG4", reason: "A public route by design (infra/routes.ts)." }]);
  }

  // The role EventBridge Scheduler assumes to invoke the digest (aws-scheduler-targets makes one per stack and target
  // account, outside the platform construct).
  const stack = Stack.of(platform);
  for (const child of stack.node.children.filter((c) => c.node.id.startsWith("SchedulerRoleForTarget"))) {
    add(child, [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "lambda:InvokeFunction on the digest function and its versions (<arn>:*), which is how CDK's LambdaInvoke " +
          "target grants it; no other function.",
      },
    ]);
  }

  // CDK's own provider for uploading the web app (one per stack, outside the platform construct).
  for (const child of stack.node.children.filter((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"))) {
    add(child, [
      { ...lambdaRuntime, reason: "CDK's BucketDeployment provider: its runtime is chosen by aws-cdk-lib." },
      { ...logsOnlyRole },
      {
        id: "AwsSolutions-IAM5",
        reason:
          "CDK's BucketDeployment provider copies the web build from the CDK assets bucket to the site bucket and " +
          "invalidates the distribution: its grants are CDK's, scoped to those two buckets.",
      },
    ]);
  }
}
