import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { config } from "../config";
import { AppError } from "./errors";

/** The header CloudFront adds to requests it forwards (infra/api.ts `originVerifyHeader`). */
export const originVerifyHeader = "x-ketnoi-origin-verify";

const same = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * In deploy, refuses (403) a request that did not come through CloudFront: API Gateway's execute-api URL stays
 * reachable, and a caller using it would skip the WAF and CloudFront's headers. Off when ORIGIN_VERIFY_SECRET is
 * unset (the local server, tests).
 */
export const requireOrigin: MiddlewareHandler = async (c, next) => {
  const secret = config().ORIGIN_VERIFY_SECRET;
  if (secret && !same(c.req.header(originVerifyHeader) ?? "", secret)) {
    throw new AppError("forbidden", "Hãy dùng KetNoi qua địa chỉ trang web chính thức.");
  }
  return next();
};
