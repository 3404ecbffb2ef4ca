/** Parent areas of the taxonomy; every skill belongs to exactly one. */
export const skillAreas = {
  software: { vi: "Phần mềm", en: "Software" },
  data_ai: { vi: "Dữ liệu và AI", en: "Data and AI" },
  embedded: { vi: "Nhúng và bán dẫn", en: "Embedded and semiconductors" },
  automation: { vi: "Tự động hóa", en: "Automation" },
  network_cloud: { vi: "Mạng và điện toán đám mây", en: "Networks and cloud" },
  security: { vi: "An toàn thông tin", en: "Cybersecurity" },
  digital_business: { vi: "Kinh doanh số", en: "Digital business" },
  design: { vi: "Thiết kế", en: "Design" },
  foundational: { vi: "Kỹ năng số cơ bản", en: "Foundational digital skills" },
} as const;

export type SkillArea = keyof typeof skillAreas;

/**
 * The languages a student may list and how well: the profile schema (schemas/student.ts) validates with them and
 * the language skills match on them. Declared here, not read off the profile's type, so that the taxonomy does not
 * import the schemas that import it.
 */
export const languageCodes = ["vi", "en", "ja", "ko", "zh", "fr", "de"] as const;
export const languageLevels = ["basic", "intermediate", "fluent", "native"] as const;
export type LanguageCode = (typeof languageCodes)[number];
export type LanguageLevel = (typeof languageLevels)[number];

/** A skill as written in the area files: `related` may be one-sided there; the taxonomy makes it symmetric. */
export interface SkillSeed {
  id: string;
  vi: string;
  en: string;
  /** Abbreviations and other names, in either language; diacritics and case do not matter. */
  synonyms: readonly string[];
  related?: readonly string[];
  /** A skill that is mostly a spoken language: a student's language level counts for it. */
  language?: { code: LanguageCode; level: LanguageLevel };
}

export interface Skill {
  id: string;
  area: SkillArea;
  vi: string;
  en: string;
  synonyms: readonly string[];
  /** Symmetric: if a lists b, b lists a. */
  related: readonly string[];
  language?: { code: LanguageCode; level: LanguageLevel };
}
