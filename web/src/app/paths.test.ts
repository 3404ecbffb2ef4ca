import { describe, expect, it } from "vitest";
import { justCreated, paths, routes } from "./paths";

describe("paths: the app's URLs from the one route table", () => {
  it("fills each pattern's ids in order, and leaves static routes as they are", () => {
    expect(paths.listing("ls-1")).toBe("/tin/ls-1");
    expect(paths.applicants("ls-1")).toBe("/tin/ls-1/ung-vien");
    expect(paths.orgListings("org-amata-chip")).toBe("/to-chuc/org-amata-chip/tin");
    expect(paths.ranking("r-1", "ls-2")).toBe("/phan-bo/r-1/xep-hang/ls-2");
    expect(paths.listingEdit("ls-1") + justCreated).toBe("/tin/ls-1/sua?moi=1");
    expect(paths.profile()).toBe("/ho-so");
    expect(paths.home()).toBe("/");
  });

  it("adds sign-in's return path and search's query only when given", () => {
    expect(paths.signIn()).toBe("/dang-nhap");
    expect(paths.signIn("/tin/ls-1")).toBe("/dang-nhap?tiep=%2Ftin%2Fls-1");
    expect(paths.search()).toBe("/tim-kiem");
    expect(paths.search("q=ke+toan")).toBe("/tim-kiem?q=ke+toan");
  });

  it("has a builder for every route", () => {
    for (const name of Object.keys(routes)) expect(typeof paths[name as keyof typeof routes]).toBe("function");
  });
});
