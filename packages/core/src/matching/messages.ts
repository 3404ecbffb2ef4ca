import { type Major, majors } from "../catalog";
import { communes, industrialParks } from "../places";
import { findSkill, type LanguageCode, type LanguageLevel } from "../skills";
import {
  type AvailabilityFit,
  type LanguageNeed,
  type LocationFit,
  languageNeedCredit,
  type MajorFit,
  type SkillCredit,
} from "./components";
import type { ExclusionReason, Localized } from "./types";

/** The wording of match explanations, Vietnamese first; each function returns both languages. */

type Lang = keyof Localized;
const both = (make: (lang: Lang) => string): Localized => ({ vi: make("vi"), en: make("en") });

export function skillLabel(id: string, lang: Lang): string {
  return findSkill(id)?.[lang] ?? id;
}

const languageNames: Record<LanguageCode, Localized> = {
  vi: { vi: "tiếng Việt", en: "Vietnamese" },
  en: { vi: "tiếng Anh", en: "English" },
  ja: { vi: "tiếng Nhật", en: "Japanese" },
  ko: { vi: "tiếng Hàn", en: "Korean" },
  zh: { vi: "tiếng Trung", en: "Chinese" },
  fr: { vi: "tiếng Pháp", en: "French" },
  de: { vi: "tiếng Đức", en: "German" },
};
const languageLevels: Record<LanguageLevel, Localized> = {
  basic: { vi: "cơ bản", en: "basic" },
  intermediate: { vi: "trung cấp", en: "intermediate" },
  fluent: { vi: "thành thạo", en: "fluent" },
  native: { vi: "bản ngữ", en: "native" },
};

const listOf = (items: readonly string[], lang: Lang, max = 3) =>
  items.length <= max
    ? items.join(", ")
    : `${items.slice(0, max).join(", ")} ${lang === "vi" ? `và ${items.length - max} khác` : `and ${items.length - max} more`}`;

function skillNotes(credits: readonly SkillCredit[], expected: number, lang: Lang): string[] {
  const missing = credits
    .filter((c) => c.via === "none" || c.via === "related")
    .map((c) =>
      c.via === "related"
        ? lang === "vi"
          ? `${skillLabel(c.skillId, lang)} (gần với ${skillLabel(c.relatedId!, lang)} bạn có)`
          : `${skillLabel(c.skillId, lang)} (you have the related ${skillLabel(c.relatedId!, lang)})`
        : skillLabel(c.skillId, lang),
    );
  const low = credits
    .filter((c) => (c.via === "own" || c.via === "language") && c.credit < 1)
    .map((c) => `${skillLabel(c.skillId, lang)} (${lang === "vi" ? "mức" : "level"} ${c.level}/${expected})`);
  return [
    ...(missing.length > 0 ? [`${lang === "vi" ? "thiếu" : "missing"}: ${missing.join(", ")}`] : []),
    ...(low.length > 0
      ? [`${lang === "vi" ? "dưới mức kỳ vọng" : "below the expected level"}: ${low.join(", ")}`]
      : []),
  ];
}

const knows = (c: SkillCredit) => c.via === "own" || c.via === "language";

/** "khớp 4/5 kỹ năng bắt buộc; thiếu: Docker" / "matches 4/5 required skills; missing: Docker" */
export function requiredSkillsText(credits: readonly SkillCredit[], expected: number): Localized {
  if (credits.length === 0) return { vi: "không yêu cầu kỹ năng bắt buộc", en: "no required skills" };
  const matched = credits.filter(knows).length;
  return both((lang) =>
    [
      lang === "vi"
        ? `khớp ${matched}/${credits.length} kỹ năng bắt buộc`
        : `matches ${matched}/${credits.length} required skills`,
      ...skillNotes(credits, expected, lang),
    ].join("; "),
  );
}

export function preferredSkillsText(credits: readonly SkillCredit[], expected: number): Localized {
  if (credits.length === 0) return { vi: "không nêu kỹ năng ưu tiên", en: "no preferred skills listed" };
  const matched = credits.filter(knows).length;
  return both((lang) =>
    [
      lang === "vi"
        ? `có ${matched}/${credits.length} kỹ năng ưu tiên`
        : `has ${matched}/${credits.length} preferred skills`,
      ...skillNotes(credits, expected, lang),
    ].join("; "),
  );
}

export function majorText(fit: MajorFit, major: Major, listed: readonly Major[]): Localized {
  const names = (lang: Lang) =>
    listOf(
      listed.map((m) => majors[m][lang]),
      lang,
    );
  switch (fit) {
    case "open":
      return { vi: "mở cho mọi ngành", en: "open to every major" };
    case "exact":
      return { vi: `ngành ${majors[major].vi} phù hợp`, en: `your major (${majors[major].en}) is one asked for` };
    case "neighbour":
      return {
        vi: `ngành ${majors[major].vi} gần với ngành yêu cầu (${names("vi")})`,
        en: `your major (${majors[major].en}) is close to those asked for (${names("en")})`,
      };
    case "none":
      return {
        vi: `ngành ${majors[major].vi} không thuộc các ngành yêu cầu (${names("vi")})`,
        en: `your major (${majors[major].en}) is not among those asked for (${names("en")})`,
      };
  }
}

export function yearAndAvailabilityText(
  year: number,
  years: readonly number[],
  allowed: boolean,
  availability: AvailabilityFit,
): Localized {
  const yearPart: Localized =
    years.length === 0
      ? { vi: "mọi năm học", en: "any study year" }
      : allowed
        ? { vi: `năm ${year} phù hợp`, en: `year ${year} is allowed` }
        : {
            vi: `năm ${year} không thuộc năm ${years.join(", ")}`,
            en: `year ${year} is not among years ${years.join(", ")}`,
          };
  const timePart: Localized = (() => {
    switch (availability.kind) {
      case "no_period":
        return { vi: "không có lịch cố định", en: "no fixed schedule" };
      case "unknown":
        return { vi: "bạn chưa khai báo thời gian rảnh", en: "you have not said when you are free" };
      case "sessions":
        return availability.credit > 0
          ? { vi: "bạn rảnh vào ngày của một buổi", en: "you are free on a session date" }
          : { vi: "bạn không rảnh vào ngày nào của các buổi", en: "you are not free on any session date" };
      case "range": {
        const percent = Math.round(availability.share * 100);
        return {
          vi: `thời gian rảnh trùng ${percent}% thời gian của tin`,
          en: `you are free for ${percent}% of the listing's period`,
        };
      }
    }
  })();
  return { vi: `${yearPart.vi}; ${timePart.vi}`, en: `${yearPart.en}; ${timePart.en}` };
}

const communeNames = new Map<string, string>(communes.map((c) => [c.id, c.name]));
const parkNames = new Map<string, string>(industrialParks.map((p) => [p.id, p.name]));

function placeName(communeId: string, parkId: string | undefined): string {
  const commune = communeNames.get(communeId) ?? communeId;
  const park = parkId ? parkNames.get(parkId) : undefined;
  return park ? `${park}, ${commune}` : commune;
}

export function locationText(fit: LocationFit, communeId: string, parkId: string | undefined): Localized {
  const place = placeName(communeId, parkId);
  switch (fit) {
    case "remote":
      return { vi: "làm việc từ xa", en: "remote work" };
    case "reachable":
      return { vi: `bạn đi được tới ${place}`, en: `you can reach ${place}` };
    case "hybrid_unreachable":
      return {
        vi: `${place} ngoài khu vực bạn đi được, nhưng có thể làm một phần từ xa`,
        en: `${place} is outside the places you can reach, but part of the work is remote`,
      };
    case "unreachable":
      return { vi: `${place} ngoài khu vực bạn đi được`, en: `${place} is outside the places you can reach` };
    case "unknown":
      return { vi: "bạn chưa chọn nơi có thể đi lại", en: "you have not listed where you can travel" };
  }
}

export function languageText(
  needs: readonly LanguageNeed[],
  spoken: (code: LanguageCode) => LanguageLevel | undefined,
): Localized {
  if (needs.length === 0) return { vi: "không yêu cầu ngoại ngữ", en: "no foreign language needed" };
  return both((lang) =>
    needs
      .map((need) => {
        const have = spoken(need.code);
        const name = languageNames[need.code][lang];
        const level = languageLevels[need.level][lang];
        const yours = have ? languageLevels[have][lang] : lang === "vi" ? "chưa có" : "none";
        const met = have !== undefined && languageNeedCredit(need, have) === 1;
        if (lang === "vi") return `cần ${name} ${level}${met ? ": đạt" : `; bạn: ${yours}`}`;
        return `needs ${name} at ${level} level${met ? ": met" : `; you: ${yours}`}`;
      })
      .join("; "),
  );
}

export function exclusionText(
  reason: ExclusionReason,
  detail: { deadline?: string; years?: readonly number[] },
): Localized {
  switch (reason) {
    case "not_published":
      return { vi: "tin chưa đăng hoặc đã đóng", en: "the listing is not open" };
    case "deadline_passed":
      return {
        vi: `đã hết hạn nộp hồ sơ (${detail.deadline})`,
        en: `the application deadline (${detail.deadline}) has passed`,
      };
    case "no_seats_left":
      return { vi: "đã hết chỗ", en: "no seats left" };
    case "year_not_allowed":
      return {
        vi: `chỉ dành cho sinh viên năm ${detail.years?.join(", ")}`,
        en: `only for students in years ${detail.years?.join(", ")}`,
      };
    case "already_applied":
      return { vi: "bạn đã ứng tuyển", en: "you have already applied" };
    case "no_consent":
      return {
        vi: "sinh viên chưa đồng ý được giới thiệu với nhà tuyển dụng",
        en: "the student has not agreed to be recommended to recruiters",
      };
  }
}

/** Joins component texts into sentences: "Khớp 4/5 kỹ năng bắt buộc; thiếu: Docker. Mở cho mọi ngành." */
export function sentences(parts: readonly string[]): string {
  return parts.map((p) => `${p.charAt(0).toLocaleUpperCase("vi")}${p.slice(1)}.`).join(" ");
}
