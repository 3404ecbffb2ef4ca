import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { fileRoutes } from "../files";

/** Students' CV files: S3 presigned POST/GET and the PDF check (pdf-lib) — the heavy group (routes/groups.ts). */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api.route("/files", fileRoutes);
