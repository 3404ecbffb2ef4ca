import type { Organisation } from "@ketnoi/core";
import { describe, expect, it } from "vitest";
import { draftFromOrganisation, organisationEdit, organisationInput } from "./OrganisationForm";

const org = {
  id: "org-edit",
  kind: "enterprise",
  name: { vi: "Công ty Vi mạch" },
  sectors: ["semiconductors"],
  communeId: "x-long-thanh",
  address: "Lô B2",
  website: "https://vimach.vn",
  logoUrl: "https://vimach.vn/logo.png",
  verification: "verified",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 2,
} as Organisation;

describe("organisationEdit", () => {
  it("clears a website the user emptied, but never a field the form does not show", () => {
    const input = organisationInput({ ...draftFromOrganisation(org), website: " " });
    const edit = organisationEdit(input as never, org);
    expect(edit.website).toBeNull();
    expect(edit).not.toHaveProperty("logoUrl");
    expect(edit).not.toHaveProperty("contactEmail");
    expect(edit).toMatchObject({ address: "Lô B2", communeId: "x-long-thanh" });
  });
});
