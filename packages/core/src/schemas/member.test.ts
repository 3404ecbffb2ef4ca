import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { InvitationCreateSchema, MemberRolePatchSchema, normaliseEmail } from "./member";
import { OrganisationPatchSchema } from "./organisation";
import { ErasureRequestSchema } from "./privacy";

describe("member and privacy schemas", () => {
  it("accepts an invitation to a valid e-mail with a membership role, and nothing else", () => {
    expect(v.safeParse(InvitationCreateSchema, { email: " lan@lhu.edu.vn ", role: "staff" }).output).toEqual({
      email: "lan@lhu.edu.vn",
      role: "staff",
    });
    expect(v.safeParse(InvitationCreateSchema, { email: "not-an-email", role: "staff" }).success).toBe(false);
    expect(v.safeParse(InvitationCreateSchema, { email: "lan@lhu.edu.vn", role: "admin" }).success).toBe(false);
    expect(v.safeParse(InvitationCreateSchema, { email: "lan@lhu.edu.vn", role: "staff", x: 1 }).success).toBe(false);
    expect(v.safeParse(MemberRolePatchSchema, { role: "owner" }).success).toBe(true);
  });

  it("compares e-mail addresses without case or surrounding spaces", () => {
    expect(normaliseEmail("  Lan.Nguyen@LHU.edu.vn ")).toBe("lan.nguyen@lhu.edu.vn");
  });

  it("erases only on the exact confirmation phrase", () => {
    expect(v.safeParse(ErasureRequestSchema, { confirm: "XOA TAI KHOAN" }).success).toBe(true);
    expect(v.safeParse(ErasureRequestSchema, { confirm: "xoa tai khoan" }).success).toBe(false);
    expect(v.safeParse(ErasureRequestSchema, {}).success).toBe(false);
  });

  it.each([
    ["0912345678", true],
    ["+84 912.345.678", true],
    ["0251 3822 123", true],
    ["1900 1234", true],
    ["091234567", false],
    ["0112345678", false],
    ["+1 555 123 4567", false],
    ["0912-345-678", false],
  ])("accepts the organisation contact phone %s: %s", (contactPhone, ok) => {
    expect(v.safeParse(OrganisationPatchSchema, { contactPhone, version: 1 }).success).toBe(ok);
  });

  it("accepts only an https logo URL", () => {
    const logo = (logoUrl: string) => v.safeParse(OrganisationPatchSchema, { logoUrl, version: 1 }).success;
    expect(logo("https://cdn.example.vn/logo.png")).toBe(true);
    expect(logo("http://cdn.example.vn/logo.png")).toBe(false);
  });
});
