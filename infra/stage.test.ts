import { describe, expect, it } from "vitest";
import { stageSettings } from "./stage";

describe("stage settings", () => {
  it("keeps production data and logs longer, and lets any other stage be removed", () => {
    expect(stageSettings("prod")).toMatchObject({ isProduction: true, removalPolicy: "retain", logRetention: 90 });
    expect(stageSettings("dev")).toMatchObject({ isProduction: false, removalPolicy: "destroy", logRetention: 7 });
    expect(stageSettings("pr-42").isProduction).toBe(false);
  });

  it("rejects a stage name the API's STAGE variable would refuse", () => {
    for (const name of ["Prod", "my stage", "dev_1", ""]) expect(() => stageSettings(name), name).toThrow(/lowercase/);
  });
});
