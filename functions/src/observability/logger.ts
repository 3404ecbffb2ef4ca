import { Logger } from "@aws-lambda-powertools/logger";
import type { LogLevel } from "@aws-lambda-powertools/logger/types";

/** Whether this process is a Lambda function (Lambda sets the variable); locally only warnings and errors print. */
export const inLambda = !!process.env.AWS_LAMBDA_FUNCTION_NAME;

/**
 * The one structured logger (Powertools, JSON lines with level, timestamp, service and the Lambda request id).
 * Rule: log ids, codes, routes and counts — never a name, an e-mail, a phone number, a token or a request body.
 * functions/src/observability/access-log.test.ts scans the output of real requests for personal data.
 * @example logger.error("notification failed", { kind: "offer", error })
 */
export const logger = new Logger({
  serviceName: "ketnoi",
  // Lambda's own level (AWS_LAMBDA_LOG_LEVEL, set by infra) wins over this in deploy.
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL ?? (inLambda ? "INFO" : "WARN")) as LogLevel,
});

/**
 * An error as a log field: its name, message (cut short: a driver's message may echo part of the input) and the
 * stack's frames without the message line.
 */
export const errorField = (error: unknown) =>
  error instanceof Error
    ? {
        name: error.name,
        message: error.message.slice(0, 300),
        frames: error.stack?.split("\n").slice(1, 12).join("\n"),
      }
    : { message: String(error).slice(0, 300) };
