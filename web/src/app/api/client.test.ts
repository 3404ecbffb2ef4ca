import { describe, expect, it } from "vitest";
import { stubFetch } from "../../../test/helpers";
import { ApiError, api, request } from "./client";

describe("request", () => {
  it("turns the API's error body into an ApiError carrying its code and message", async () => {
    stubFetch(() => ({ status: 404, body: { error: { code: "not_found", message: "Không tìm thấy tin." } } }));

    const failure = await request(() => api.listings[":id"].$get({ param: { id: "nope" } })).catch((e) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: "not_found", message: "Không tìm thấy tin.", status: 404 });
  });

  it("reports an unreachable server as a network error", async () => {
    stubFetch(() => {
      throw new TypeError("Failed to fetch");
    });

    await expect(request(() => api.health.$get())).rejects.toMatchObject({ code: "network" });
  });
});
