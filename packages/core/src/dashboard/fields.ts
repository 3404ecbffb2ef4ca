import type { SkillArea } from "../taxonomy/types";

/**
 * The province's digital-workforce fields (lĩnh vực) under Resolution 57-NQ/TW, each mapped to the skill areas of
 * the taxonomy that make it up. Every area belongs to at most one field; foundational digital skills belong to
 * none (they are everyone's, not a field's), so listings and skills made only of them fall under `other`.
 */
export const workforceFields = {
  ai: { vi: "Trí tuệ nhân tạo", en: "Artificial intelligence", areas: ["data_ai"] },
  semiconductors: {
    vi: "Bán dẫn và vi mạch",
    en: "Semiconductors and microelectronics",
    areas: ["embedded"],
  },
  software: { vi: "Phần mềm", en: "Software", areas: ["software", "network_cloud"] },
  automation: { vi: "Tự động hóa", en: "Automation", areas: ["automation"] },
  cybersecurity: { vi: "An ninh mạng", en: "Cybersecurity", areas: ["security"] },
  digital_business: { vi: "Kinh doanh số", en: "Digital business", areas: ["digital_business", "design"] },
} as const satisfies Record<string, { vi: string; en: string; areas: readonly SkillArea[] }>;

export type WorkforceField = keyof typeof workforceFields;
/** Field ids in display order (the order ties are broken in). */
export const workforceFieldIds = Object.keys(workforceFields) as [WorkforceField, ...WorkforceField[]];

/** A field, or `other` for work whose skills fall in no field. Aggregates always carry one of these. */
export type FieldOrOther = WorkforceField | "other";
/** The name of the `other` bucket. */
export const otherField = { vi: "Lĩnh vực khác", en: "Other fields" } as const;

/** A field's name in both languages (`other` included). */
export function fieldLabel(field: FieldOrOther): { vi: string; en: string } {
  return field === "other" ? otherField : workforceFields[field];
}
