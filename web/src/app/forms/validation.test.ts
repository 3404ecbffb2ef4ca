import { VisitSessionSchema } from "@ketnoi/core/schemas/listing";
import { VerificationDecisionSchema } from "@ketnoi/core/schemas/organisation";
import { describe, expect, it } from "vitest";
import { type SharedKey, sharedMessages } from "../i18n/shared";
import { validateWith } from "./validation";

// The shared catalog's lookup without a component around it (useCatalog needs the i18n provider).
const translator = (lang: "vi" | "en") => (key: SharedKey, params?: Record<string, string | number>) =>
  sharedMessages[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ""));

describe("validateWith", () => {
  it("explains a badly typed session time and a seat count, one message per field path", () => {
    const result = validateWith(
      VisitSessionSchema,
      { id: "s-1", date: "2027-02-30x", startTime: "8h", place: "Lab", seats: 0.5 },
      translator("vi"),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        date: "Ngày không hợp lệ.",
        startTime: "Giờ không hợp lệ (giờ:phút, ví dụ 08:30).",
        seats: "Hãy nhập một số nguyên.",
      },
    });
  });

  it("places a schema-level check on the field it is about, in English too", () => {
    const result = validateWith(VerificationDecisionSchema, { decision: "rejected" }, translator("en"), {
      "": { field: "reason", message: "Give a reason." },
    });
    expect(result).toEqual({ ok: false, errors: { reason: "Give a reason." } });
  });
});
