import { describe, expect, it } from "vitest";
import {
  findSkill,
  skillAreas,
  skillIds,
  skillLabelsOf,
  skillSearchTerms,
  skillSeedsByArea,
  skills,
  taxonomyProblems,
  taxonomyVersion,
} from "./index";

/** The starter taxonomy: demo data, listings and profiles store these ids, so they may never disappear or move. */
const publishedIds: Record<string, readonly string[]> = {
  software: [
    "python",
    "java",
    "javascript",
    "typescript",
    "csharp",
    "cpp",
    "sql",
    "web-frontend",
    "web-backend",
    "mobile-dev",
    "git",
    "testing",
  ],
  data_ai: ["machine-learning", "ai", "computer-vision", "data-analysis", "nlp"],
  embedded: ["embedded-c", "microcontroller", "pcb-design", "ic-design", "semiconductor-process", "iot"],
  automation: ["plc", "scada", "robotics", "cad-cam"],
  network_cloud: ["networking", "linux", "cloud-aws", "docker"],
  security: ["cybersecurity", "pentest"],
  digital_business: ["ecommerce", "digital-marketing", "erp"],
  design: ["ui-ux", "graphic-design"],
  foundational: ["office-digital", "public-eservices", "e-id", "cashless-payment", "english-it"],
};

describe("skills taxonomy", () => {
  it("has a version and at least 150 skills with both labels", () => {
    expect(taxonomyVersion).toMatch(/^\d{4}\.\d{1,2}$/);
    expect(skills.length).toBeGreaterThanOrEqual(150);
    for (const skill of skills) expect(skill.vi.length * skill.en.length).toBeGreaterThan(0);
  });

  it("keeps every published id in its original area and label", () => {
    for (const [area, ids] of Object.entries(publishedIds)) {
      for (const id of ids) expect(findSkill(id)?.area, id).toBe(area);
    }
    expect(Object.values(publishedIds).flat()).toHaveLength(43);
    expect(findSkill("embedded-c")?.vi).toBe("Lập trình nhúng");
  });

  it("gives the labels of known skills, once each, leaving unknown ids to be shown as written", () => {
    expect(skillLabelsOf(["plc", "embedded-c", "plc", "no-such-skill"])).toEqual({
      plc: { vi: "Lập trình PLC", en: "PLC programming" },
      "embedded-c": { vi: "Lập trình nhúng", en: findSkill("embedded-c")?.en },
    });
  });

  it("covers every area with skills", () => {
    for (const area of Object.keys(skillAreas)) {
      expect(skills.filter((s) => s.area === area).length, area).toBeGreaterThanOrEqual(10);
    }
  });

  it("passes its own soundness checks: unique ids, known related ids, synonyms on every skill", () => {
    expect(taxonomyProblems(skillSeedsByArea)).toEqual([]);
    expect(new Set(skillIds).size).toBe(skillIds.length);
  });

  it("has symmetric relations between existing skills, never to itself", () => {
    for (const skill of skills) {
      for (const other of skill.related) {
        expect(other, skill.id).not.toBe(skill.id);
        expect(findSkill(other)?.related, `${other} ↔ ${skill.id}`).toContain(skill.id);
      }
    }
  });

  it("never lets one label or synonym name two skills", () => {
    const ambiguous = [...skillSearchTerms()].filter(([, ids]) => ids.length > 1);
    expect(ambiguous).toEqual([]);
  });

  it("reports a broken area file instead of shipping it", () => {
    const broken = {
      ...skillSeedsByArea,
      design: [
        ...skillSeedsByArea.design,
        { id: "figma", vi: "Trùng", en: "Duplicate", synonyms: [] },
        { id: "sketching", vi: "Phác thảo", en: "Sketching", synonyms: ["sketch"], related: ["no-such-skill"] },
      ],
    };
    expect(taxonomyProblems(broken)).toEqual([
      "duplicate id figma",
      "figma: no synonyms",
      "sketching: related to unknown skill no-such-skill",
    ]);
  });
});
