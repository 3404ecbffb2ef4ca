import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import { config } from "../config";
import { dynamo } from "../db/client";
import { responses } from "../http/openapi";

const HealthSchema = v.object({
  status: v.picklist(["ok", "degraded"]),
  database: v.picklist(["ok", "unavailable"]),
  stage: v.string(),
  time: v.string(),
});

/** GET /api/health: the API answers and whether DynamoDB does (503 when it does not). */
export const healthRoutes = new Hono().get(
  "/",
  describeRoute({
    tags: ["System"],
    summary: "API and database status",
    responses: responses({
      200: { description: "Healthy", schema: HealthSchema },
      503: { description: "Database unavailable", schema: HealthSchema },
    }),
  }),
  async (c) => {
    const { TABLE_NAME, STAGE } = config();
    let database: "ok" | "unavailable" = "ok";
    try {
      await dynamo().send(new DescribeTableCommand({ TableName: TABLE_NAME }));
    } catch {
      database = "unavailable";
    }
    const body = {
      status: database === "ok" ? ("ok" as const) : ("degraded" as const),
      database,
      stage: STAGE,
      time: new Date().toISOString(),
    };
    return c.json(body, database === "ok" ? 200 : 503);
  },
);
