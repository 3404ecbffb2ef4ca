import { errorCatalogue, errorCodesOf } from "@ketnoi/core";
import { describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { AppError } from "./errors";

// codemod:app-error keep — this file checks the old (code, status, message) form still compiles.

describe("AppError and the error catalogue", () => {
  it("takes its status from the catalogue and its message from the call, or the catalogue's default", () => {
    const conflict = new AppError("version_conflict");
    expect(conflict.status).toBe(409);
    expect(conflict.toBody()).toEqual({
      error: { code: "version_conflict", message: errorCatalogue.version_conflict.vi },
    });
    const full = new AppError("capacity_full", "Chỉ còn 2 chỗ.", { seatsLeft: 2 });
    expect([full.status, full.message, full.details]).toEqual([409, "Chỉ còn 2 chỗ.", { seatsLeft: 2 }]);
  });

  it("still takes the old (code, status, message, details) form a branch may bring, with the catalogue's status", () => {
    const legacy = new AppError("not_found", 404, "Không tìm thấy tin.", { id: "x" });
    expect([legacy.status, legacy.message, legacy.details]).toEqual([404, "Không tìm thấy tin.", { id: "x" }]);
    // @ts-expect-error: a status the catalogue does not give the code does not compile.
    expect(new AppError("not_found", 409, "Sai.").status).toBe(404);
  });

  it("answers over HTTP with the catalogue's status and default message", async () => {
    const unsigned = await call("GET", "/api/me");
    expect(unsigned.status).toBe(errorCatalogue.unauthenticated.status);
    expect(unsigned.json.error).toEqual({ code: "unauthenticated", message: errorCatalogue.unauthenticated.vi });
  });

  it("describes each error status in the OpenAPI document with every code the catalogue gives it", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json;
    const post = doc.paths["/api/listings"].post.responses;
    for (const status of [400, 401, 403, 404, 413, 415, 503]) {
      for (const code of errorCodesOf(status)) expect(post[String(status)].description).toContain(code);
    }
    const conflicts = doc.paths["/api/listings/{id}"].patch.responses["409"].description;
    for (const code of errorCodesOf(409)) expect(conflicts).toContain(code);
  });
});
