import { majors, sectors } from "@ketnoi/core/catalog";
import { communes, industrialParks } from "@ketnoi/core/places";
import { findSkill, skillAreas, skills } from "@ketnoi/core/skills";
import type { Lang } from "../i18n/i18n";
import type { Option } from "./fields";

/** Sectors in the user's language. */
export function sectorOptions(lang: Lang): Option[] {
  return Object.entries(sectors).map(([value, label]) => ({ value, label: label[lang] }));
}

/** Majors in the user's language. */
export function majorOptions(lang: Lang): Option[] {
  return Object.entries(majors).map(([value, label]) => ({ value, label: label[lang] }));
}

/** Đồng Nai's communes and wards (proper names: the same in both languages). */
export const communeOptions: Option[] = communes.map((c) => ({ value: c.id, label: c.name }));

/** Industrial parks. */
export const parkOptions: Option[] = industrialParks.map((p) => ({ value: p.id, label: p.name }));

/** Skills grouped by area, in the user's language, for pickers. */
export function skillGroups(lang: Lang): Array<{ area: string; label: string; options: Option[] }> {
  return Object.entries(skillAreas).map(([area, label]) => ({
    area,
    label: label[lang],
    options: skills.filter((s) => s.area === area).map((s) => ({ value: s.id, label: s[lang] })),
  }));
}

/**
 * A skill's label for pages that load the taxonomy with their own code (forms, boards). Listing cards and pages
 * use the labels each listing comes with instead, so they never download the taxonomy.
 */
export function skillName(id: string, lang: Lang): string {
  return findSkill(id)?.[lang] ?? id;
}
