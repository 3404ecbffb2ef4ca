import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import { config } from "../config";
import { type StreamHealth, streamHealth } from "../effects/health";
import { responses } from "../http/openapi";

const HealthSchema = v.object({
  status: v.picklist(["ok", "degraded"]),
  database: v.picklist(["ok", "unavailable"]),
  /** The change-stream consumer that derives notices, search and dashboard updates (absent if the database is down). */
  stream: v.optional(
    v.object({
      status: v.picklist(["ok", "degraded"]),
      lagSeconds: v.number(),
      lastProcessedAt: v.nullable(v.string()),
      deadLetters: v.number(),
    }),
  ),
  stage: v.string(),
  time: v.string(),
});

/**
 * GET /api/health: the API answers, whether DynamoDB does (503 when it does not), and how the stream consumer
 * keeps up: its lag and dead letters (`degraded`, still 200, when beyond limits: the API itself serves).
 */
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
    let stream: StreamHealth | undefined;
    try {
      // The lite path's transport: the deployed health function carries no SDK DynamoDB client (db/transport.ts).
      await liteTransport().describeTable({ TableName: TABLE_NAME });
      stream = await streamHealth();
    } catch {
      database = "unavailable";
    }
    const body = {
      status: database === "ok" && stream?.status === "ok" ? ("ok" as const) : ("degraded" as const),
      database,
      ...(stream ? { stream } : {}),
      stage: STAGE,
      time: new Date().toISOString(),
    };
    return c.json(body, database === "ok" ? 200 : 503);
  },
);
