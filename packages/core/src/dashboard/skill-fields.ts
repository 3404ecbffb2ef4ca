import { findSkill, type SkillArea } from "../skills";
import { type FieldOrOther, type WorkforceField, workforceFieldIds, workforceFields } from "./fields";

const fieldByArea = new Map<SkillArea, WorkforceField>(
  workforceFieldIds.flatMap((field) => workforceFields[field].areas.map((area) => [area, field] as const)),
);

/**
 * The field a skill belongs to, through its area.
 * @example fieldOfSkill("plc") // "automation"
 * @example fieldOfSkill("spreadsheets") // "other"
 */
export function fieldOfSkill(skillId: string): FieldOrOther {
  const area = findSkill(skillId)?.area;
  return (area && fieldByArea.get(area)) || "other";
}

/**
 * The one field a listing counts under: the field most of its required skills belong to (ties go to the field
 * listed first), so every placement is counted exactly once and field rows add up to the total.
 * @example fieldOfSkills(["embedded-c", "microcontroller", "python"]) // "semiconductors"
 */
export function fieldOfSkills(skillIds: readonly string[]): FieldOrOther {
  const votes = new Map<WorkforceField, number>();
  for (const id of skillIds) {
    const field = fieldOfSkill(id);
    if (field !== "other") votes.set(field, (votes.get(field) ?? 0) + 1);
  }
  let best: FieldOrOther = "other";
  let bestVotes = 0;
  for (const field of workforceFieldIds) {
    const n = votes.get(field) ?? 0;
    if (n > bestVotes) [best, bestVotes] = [field, n];
  }
  return best;
}
