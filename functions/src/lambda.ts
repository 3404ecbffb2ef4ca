import { handle } from "hono/aws-lambda";
import { createApp } from "./app";

/** The API's Lambda entry: the same Hono app as the local server, behind API Gateway v2. */
export const handler = handle(createApp());
