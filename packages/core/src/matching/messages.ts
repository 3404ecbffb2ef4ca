import { type Major, majors } from "../catalog";
import { formatDate, formatPercent, localeOf } from "../format";
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

/**
 * Who reads an explanation: the student is addressed ("bạn đi được tới…"), a recruiter reads about the student in
 * the third person ("sinh viên đi được tới…"). The score and its parts are the same; only the wording differs.
 */
export type Reader = "student" | "recruiter";
const person = (reader: Reader) =>
  reader === "student"
    ? {
        vi: "bạn",
        enHas: "you have",
        enAre: "you are",
        enHasNot: "you have not",
        enCan: "you can reach",
        enPossessive: "your",
        enShort: "you",
      }
    : {
        vi: "sinh viên",
        enHas: "the student has",
        enAre: "the student is",
        enHasNot: "the student has not",
        enCan: "the student can reach",
        enPossessive: "the student's",
        enShort: "student",
      };

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

function skillNotes(credits: readonly SkillCredit[], expected: number, lang: Lang, reader: Reader): string[] {
  const who = person(reader);
  const missing = credits
    .filter((c) => c.via === "none" || c.via === "related")
    .map((c) =>
      c.via === "related"
        ? lang === "vi"
          ? `${skillLabel(c.skillId, lang)} (gần với ${skillLabel(c.relatedId!, lang)} ${who.vi} có)`
          : `${skillLabel(c.skillId, lang)} (${who.enHas} the related ${skillLabel(c.relatedId!, lang)})`
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
export function requiredSkillsText(
  credits: readonly SkillCredit[],
  expected: number,
  reader: Reader = "student",
): Localized {
  if (credits.length === 0) return { vi: "không yêu cầu kỹ năng bắt buộc", en: "no required skills" };
  const matched = credits.filter(knows).length;
  return both((lang) =>
    [
      lang === "vi"
        ? `khớp ${matched}/${credits.length} kỹ năng bắt buộc`
        : `matches ${matched}/${credits.length} required skills`,
      ...skillNotes(credits, expected, lang, reader),
    ].join("; "),
  );
}

export function preferredSkillsText(
  credits: readonly SkillCredit[],
  expected: number,
  reader: Reader = "student",
): Localized {
  if (credits.length === 0) return { vi: "không nêu kỹ năng ưu tiên", en: "no preferred skills listed" };
  const matched = credits.filter(knows).length;
  return both((lang) =>
    [
      lang === "vi"
        ? `có ${matched}/${credits.length} kỹ năng ưu tiên`
        : `has ${matched}/${credits.length} preferred skills`,
      ...skillNotes(credits, expected, lang, reader),
    ].join("; "),
  );
}

export function majorText(
  fit: MajorFit,
  major: Major,
  listed: readonly Major[],
  reader: Reader = "student",
): Localized {
  const your = person(reader).enPossessive;
  const names = (lang: Lang) =>
    listOf(
      listed.map((m) => majors[m][lang]),
      lang,
    );
  switch (fit) {
    case "open":
      return { vi: "mở cho mọi ngành", en: "open to every major" };
    case "exact":
      return { vi: `ngành ${majors[major].vi} phù hợp`, en: `${your} major (${majors[major].en}) is one asked for` };
    case "neighbour":
      return {
        vi: `ngành ${majors[major].vi} gần với ngành yêu cầu (${names("vi")})`,
        en: `${your} major (${majors[major].en}) is close to those asked for (${names("en")})`,
      };
    case "none":
      return {
        vi: `ngành ${majors[major].vi} không thuộc các ngành yêu cầu (${names("vi")})`,
        en: `${your} major (${majors[major].en}) is not among those asked for (${names("en")})`,
      };
  }
}

export function yearAndAvailabilityText(
  year: number,
  years: readonly number[],
  allowed: boolean,
  availability: AvailabilityFit,
  reader: Reader = "student",
): Localized {
  const who = person(reader);
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
        return {
          vi: `${who.vi} chưa khai báo thời gian rảnh`,
          en: `${who.enHasNot} said when ${reader === "student" ? "you are" : "they are"} free`,
        };
      case "sessions":
        return availability.credit > 0
          ? { vi: `${who.vi} rảnh vào ngày của một buổi`, en: `${who.enAre} free on a session date` }
          : { vi: `${who.vi} không rảnh vào ngày nào của các buổi`, en: `${who.enAre} not free on any session date` };
      case "range": {
        const percent = (lang: Lang) => formatPercent(availability.share, localeOf(lang), 0);
        return {
          vi: `thời gian rảnh trùng ${percent("vi")} thời gian của tin`,
          en: `${who.enAre} free for ${percent("en")} of the listing's period`,
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

export function locationText(
  fit: LocationFit,
  communeId: string,
  parkId: string | undefined,
  reader: Reader = "student",
): Localized {
  const place = placeName(communeId, parkId);
  const who = person(reader);
  const reach = reader === "student" ? "the places you can reach" : "the places the student can reach";
  switch (fit) {
    case "remote":
      return { vi: "làm việc từ xa", en: "remote work" };
    case "reachable":
      return { vi: `${who.vi} đi được tới ${place}`, en: `${who.enCan} ${place}` };
    case "hybrid_unreachable":
      return {
        vi: `${place} ngoài khu vực ${who.vi} đi được, nhưng có thể làm một phần từ xa`,
        en: `${place} is outside ${reach}, but part of the work is remote`,
      };
    case "unreachable":
      return { vi: `${place} ngoài khu vực ${who.vi} đi được`, en: `${place} is outside ${reach}` };
    case "unknown":
      return {
        vi: `${who.vi} chưa chọn nơi có thể đi lại`,
        en: `${who.enHasNot} listed where ${reader === "student" ? "you" : "they"} can travel`,
      };
  }
}

export function languageText(
  needs: readonly LanguageNeed[],
  spoken: (code: LanguageCode) => LanguageLevel | undefined,
  reader: Reader = "student",
): Localized {
  const who = person(reader);
  if (needs.length === 0) return { vi: "không yêu cầu ngoại ngữ", en: "no foreign language needed" };
  return both((lang) =>
    needs
      .map((need) => {
        const have = spoken(need.code);
        const name = languageNames[need.code][lang];
        const level = languageLevels[need.level][lang];
        const yours = have ? languageLevels[have][lang] : lang === "vi" ? "chưa có" : "none";
        const met = have !== undefined && languageNeedCredit(need, have) === 1;
        if (lang === "vi") return `cần ${name} ${level}${met ? ": đạt" : `; ${who.vi}: ${yours}`}`;
        return `needs ${name} at ${level} level${met ? ": met" : `; ${who.enShort}: ${yours}`}`;
      })
      .join("; "),
  );
}

export function exclusionText(
  reason: ExclusionReason,
  detail: { deadline?: string; years?: readonly number[] },
  reader: Reader = "student",
): Localized {
  const who = person(reader);
  const deadline = (lang: Lang) => (detail.deadline ? formatDate(detail.deadline, localeOf(lang)) : "");
  switch (reason) {
    case "not_published":
      return { vi: "tin chưa đăng hoặc đã đóng", en: "the listing is not open" };
    case "deadline_passed":
      return {
        vi: `đã hết hạn nộp hồ sơ (${deadline("vi")})`,
        en: `the application deadline (${deadline("en")}) has passed`,
      };
    case "no_seats_left":
      return { vi: "đã hết chỗ", en: "no seats left" };
    case "year_not_allowed":
      return {
        vi: `chỉ dành cho sinh viên năm ${detail.years?.join(", ")}`,
        en: `only for students in years ${detail.years?.join(", ")}`,
      };
    case "already_applied":
      return { vi: `${who.vi} đã ứng tuyển`, en: `${who.enHas} already applied` };
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
