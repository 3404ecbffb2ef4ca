import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { assertJava, javaMissingMessage } from "./dynamodb-local";

describe("assertJava", () => {
  it("explains in one paragraph how to install Java when it is missing", () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(() => assertJava()).toThrow(javaMissingMessage);
    } finally {
      process.env.PATH = path;
    }
    expect(javaMissingMessage).toMatch(/apt-get install -y --no-install-recommends default-jre-headless/);
    expect(javaMissingMessage).not.toMatch(/\n/);
  });

  it("passes on this machine, where Java 17+ is installed", () => {
    expect(spawnSync("java", ["-version"]).status).toBe(0);
    expect(() => assertJava()).not.toThrow();
  });
});
