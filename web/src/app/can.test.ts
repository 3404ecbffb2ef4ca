import { describe, expect, it } from "vitest";
import { people } from "../../test/helpers";
import { can } from "./can";

describe("can: the web's role checks are core's authorize", () => {
  it("lets an organisation's owner and admins manage its members, not its other members or strangers", () => {
    expect(can(people.huy, "member:manage", { orgId: "org-amata-chip" })).toBe(true);
    expect(can(people.admin, "member:manage", { orgId: "org-amata-chip" })).toBe(true);
    expect(can(people.huy, "member:manage", { orgId: "lhu" })).toBe(false);
    const staffMember = { ...people.ha, memberships: [{ orgId: "lhu", role: "staff" as const }] };
    expect(can(staffMember, "member:manage", { orgId: "lhu" })).toBe(false);
    expect(can(staffMember, "member:list", { orgId: "lhu" })).toBe(true);
  });

  it("gives targets to the province and admins, the audit log to admins only, nothing to the signed-out", () => {
    expect(can(people.province, "target:write")).toBe(true);
    expect(can(people.ha, "target:write")).toBe(false);
    expect(can(people.province, "audit:read")).toBe(false);
    expect(can(people.admin, "audit:read")).toBe(true);
    expect(can(undefined, "organisation:verify")).toBe(false);
  });
});
