import { automationSkills } from "./automation";
import { businessSkills } from "./business";
import { dataAiSkills } from "./data-ai";
import { designSkills } from "./design";
import { embeddedSkills } from "./embedded";
import { foundationalSkills } from "./foundational";
import { networkCloudSkills } from "./network-cloud";
import { securitySkills } from "./security";
import { softwareSkills } from "./software";
import type { Skill, SkillArea, SkillSeed } from "./types";

/**
 * Version of the curated taxonomy (year.month). Bump it when skills are added or relations change, so stored
 * match explanations can say which taxonomy produced them. Ids are never removed or renamed once published.
 */
export const taxonomyVersion = "2026.11";

/** The area files in display order. */
export const skillSeedsByArea: Readonly<Record<SkillArea, readonly SkillSeed[]>> = {
  software: softwareSkills,
  data_ai: dataAiSkills,
  embedded: embeddedSkills,
  automation: automationSkills,
  network_cloud: networkCloudSkills,
  security: securitySkills,
  digital_business: businessSkills,
  design: designSkills,
  foundational: foundationalSkills,
};

type AreaSeed = SkillSeed & { area: SkillArea };

function seedsWithArea(byArea: Readonly<Record<SkillArea, readonly SkillSeed[]>>): AreaSeed[] {
  return (Object.keys(byArea) as SkillArea[]).flatMap((area) => byArea[area].map((seed) => ({ ...seed, area })));
}

/** Relations are written once, on either side; both skills list each other. Unknown ids are left to the checks. */
function buildSkills(seeds: readonly AreaSeed[]): Skill[] {
  const related = new Map(seeds.map((s) => [s.id, new Set<string>()]));
  for (const seed of seeds) {
    for (const other of seed.related ?? []) {
      if (other === seed.id) continue;
      related.get(seed.id)!.add(other);
      related.get(other)?.add(seed.id);
    }
  }
  return seeds.map(({ related: _declared, ...seed }) => ({ ...seed, related: [...related.get(seed.id)!] }));
}

/** Every skill of the taxonomy, grouped by area in display order; `related` is symmetric. */
export const skills: readonly Skill[] = buildSkills(seedsWithArea(skillSeedsByArea));

export const skillIds = skills.map((s) => s.id);
const skillById = new Map(skills.map((s) => [s.id, s]));

/**
 * Looks up a skill by id; undefined when the id is not in the taxonomy.
 * @example findSkill("plc")?.en // "PLC programming"
 */
export function findSkill(id: string): Skill | undefined {
  return skillById.get(id);
}

/**
 * The labels of the given skills, by id, for a view that shows skills without the taxonomy (the feed's cards carry
 * them so the browser need not download it). Ids not in the taxonomy are left out: readers show them as written.
 * @example skillLabelsOf(["plc"]) // { plc: { vi: "Lập trình PLC", en: "PLC programming" } }
 */
export function skillLabelsOf(ids: Iterable<string>): Record<string, { vi: string; en: string }> {
  const labels: Record<string, { vi: string; en: string }> = {};
  for (const id of ids) {
    const skill = skillById.get(id);
    if (skill) labels[id] = { vi: skill.vi, en: skill.en };
  }
  return labels;
}

/**
 * What is wrong with a set of area files: duplicate ids, relations to unknown ids or to itself, empty labels,
 * skills without synonyms. An empty list means the taxonomy is sound (a test holds the shipped one to that).
 */
export function taxonomyProblems(byArea: Readonly<Record<SkillArea, readonly SkillSeed[]>>): string[] {
  const seeds = seedsWithArea(byArea);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const seed of seeds) {
    if (ids.has(seed.id)) problems.push(`duplicate id ${seed.id}`);
    ids.add(seed.id);
  }
  for (const seed of seeds) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(seed.id)) problems.push(`${seed.id}: id is not lower-case kebab`);
    if (seed.vi.trim() === "" || seed.en.trim() === "") problems.push(`${seed.id}: empty label`);
    if (seed.synonyms.length === 0) problems.push(`${seed.id}: no synonyms`);
    for (const other of seed.related ?? []) {
      if (other === seed.id) problems.push(`${seed.id}: related to itself`);
      else if (!ids.has(other)) problems.push(`${seed.id}: related to unknown skill ${other}`);
    }
  }
  return problems;
}
