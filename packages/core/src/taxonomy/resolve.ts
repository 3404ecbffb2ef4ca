import { foldVietnamese } from "../text";
import { skills } from "./taxonomy";

/** What free text resolved to: known skill ids in order of appearance, and every piece that matched nothing. */
export interface SkillResolution {
  ids: string[];
  /** The original text of each piece that is not a skill (diacritics and case kept), never silently dropped. */
  unknown: string[];
  /** Which piece of the input matched which skill, for highlighting. */
  matches: Array<{ text: string; id: string }>;
}

/**
 * Vietnamese abbreviations expanded to the words they stand for, on both sides of the match, so that
 * "Tiếng Anh CNTT" and "tiếng anh công nghệ thông tin" are the same phrase.
 */
const abbreviations: Readonly<Record<string, readonly string[]>> = {
  cntt: ["cong", "nghe", "thong", "tin"],
  attt: ["an", "toan", "thong", "tin"],
  ttnt: ["tri", "tue", "nhan", "tao"],
  csdl: ["co", "so", "du", "lieu"],
  tmdt: ["thuong", "mai", "dien", "tu"],
  cds: ["chuyen", "doi", "so"],
  vdk: ["vi", "dieu", "khien"],
  hddt: ["hoa", "don", "dien", "tu"],
  dvc: ["dich", "vu", "cong"],
};

/**
 * Words and phrases that connect or qualify skills in a sentence ("em biết lập trình Python và Docker cơ bản").
 * They are skipped when no skill name covers them; every other unmatched word is reported as unknown. Short
 * English words that are also Vietnamese syllables ("an", "in", "to") are deliberately absent.
 */
const fillerPhrases = [
  "va",
  "voi",
  "hoac",
  "cac",
  "mot",
  "biet",
  "em",
  "toi",
  "minh",
  "kien thuc",
  "kinh nghiem",
  "su dung",
  "co ban",
  "nang cao",
  "thanh thao",
  "tot",
  "kha",
  "lap trinh",
  "ngon ngu",
  "nam",
  "thang",
  "cong cu",
  "vv",
  "khac",
  "hieu",
  "lam viec",
  "and",
  "with",
  "the",
  "of",
  "for",
  "know",
  "knows",
  "knowledge",
  "experience",
  "experienced",
  "using",
  "use",
  "basic",
  "basics",
  "advanced",
  "proficient",
  "good",
  "fluent",
  "programming",
  "language",
  "languages",
  "year",
  "years",
  "months",
  "tool",
  "tools",
  "framework",
  "frameworks",
  "library",
  "libraries",
  "etc",
  "other",
  "working",
].map((phrase) => phrase.split(" "));

interface Token {
  text: string;
  start: number;
  end: number;
}

const wordChar = /[a-z0-9]/;

/**
 * Splits text into folded word tokens with their offsets in the original string. "+" and "#" stay on a word they
 * end ("c++", "c#") and separate words otherwise ("python+docker").
 */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let current = "";
  let start = 0;
  const flush = (end: number) => {
    if (current !== "") tokens.push({ text: current, start, end });
    current = "";
  };
  const chars = [...text];
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const folded = foldVietnamese(char);
    if (/^[\u0300-\u036f]$/.test(char)) {
      // A combining mark of decomposed input belongs to the letter before it.
    } else if (folded !== "" && [...folded].every((c) => wordChar.test(c))) {
      if (current === "") start = offset;
      current += folded;
    } else if ((char === "+" || char === "#") && current !== "") {
      let run = char;
      while (chars[i + run.length] === "+" || chars[i + run.length] === "#") run += chars[i + run.length];
      const next = chars[i + run.length];
      if (next === undefined || !wordChar.test(foldVietnamese(next))) {
        current += run;
        i += run.length - 1;
        offset += run.length - 1;
      } else flush(offset);
    } else flush(offset);
    offset += char.length;
  }
  flush(offset);
  return tokens.flatMap((token) =>
    (abbreviations[token.text] ?? [token.text]).map((text) => ({ text, start: token.start, end: token.end })),
  );
}

interface Term {
  words: readonly string[];
  id: string;
}

let termsByFirstWord: Map<string, Term[]> | undefined;

/**
 * Every folded search term (label, synonym or id) with the skills it names; a term naming two skills would be
 * ambiguous, which the taxonomy test forbids.
 */
export function skillSearchTerms(): Map<string, string[]> {
  const terms = new Map<string, string[]>();
  for (const skill of skills) {
    const names = [skill.vi, skill.en, skill.id, ...skill.synonyms];
    for (const key of new Set(
      names.map((name) =>
        tokensOf(name)
          .map((t) => t.text)
          .join(" "),
      ),
    )) {
      if (key === "") continue;
      terms.set(key, [...(terms.get(key) ?? []), skill.id]);
    }
  }
  return terms;
}

function termIndex(): Map<string, Term[]> {
  if (termsByFirstWord) return termsByFirstWord;
  const index = new Map<string, Term[]>();
  for (const [key, ids] of skillSearchTerms()) {
    const words = key.split(" ");
    const list = index.get(words[0]!) ?? [];
    // On an ambiguous term the earlier skill in taxonomy order wins; the taxonomy test keeps this from happening.
    list.push({ words, id: ids[0]! });
    index.set(words[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  termsByFirstWord = index;
  return index;
}

function longestTermAt(tokens: readonly Token[], at: number, index: Map<string, Term[]>): Term | undefined {
  for (const term of index.get(tokens[at]!.text) ?? []) {
    if (term.words.every((word, k) => tokens[at + k]?.text === word)) return term;
  }
  return undefined;
}

function fillerLengthAt(tokens: readonly Token[], at: number): number {
  let longest = 0;
  for (const words of fillerPhrases) {
    if (words.length > longest && words.every((word, k) => tokens[at + k]?.text === word)) longest = words.length;
  }
  return longest;
}

/**
 * Resolves free text to skill ids. The text may be a list (comma, semicolon, newline, "|" or "•" separated) or a
 * phrase; labels and synonyms match in Vietnamese with or without diacritics, in English, and as abbreviations,
 * longest phrase first. Connecting words ("và", "biết", "cơ bản") are skipped; anything else that matches no skill
 * is returned in `unknown` with its original spelling.
 * @example resolveSkills("lap trinh nhung, PLC; Scratch") // { ids: ["embedded-c", "plc"], unknown: ["Scratch"], … }
 */
export function resolveSkills(input: string): SkillResolution {
  const text = input.normalize("NFC");
  const index = termIndex();
  const resolution: SkillResolution = { ids: [], unknown: [], matches: [] };
  const seenUnknown = new Set<string>();
  const addUnknown = (from: Token, to: Token) => {
    const piece = text.slice(from.start, to.end).trim();
    const key = foldVietnamese(piece);
    if (!seenUnknown.has(key)) resolution.unknown.push(piece);
    seenUnknown.add(key);
  };
  for (const segment of text.matchAll(/[^,;\n\r|•]+/g)) {
    const tokens = tokensOf(segment[0]).map((t) => ({
      ...t,
      start: t.start + segment.index,
      end: t.end + segment.index,
    }));
    // A run of words that match nothing is one unknown piece; filler words end the run.
    let runFrom: Token | undefined;
    let runTo: Token | undefined;
    const closeRun = () => {
      if (runFrom && runTo) addUnknown(runFrom, runTo);
      runFrom = undefined;
      runTo = undefined;
    };
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i]!;
      const term = longestTermAt(tokens, i, index);
      if (term) {
        closeRun();
        const last = tokens[i + term.words.length - 1]!;
        if (!resolution.ids.includes(term.id)) resolution.ids.push(term.id);
        resolution.matches.push({ text: text.slice(token.start, last.end), id: term.id });
        i += term.words.length;
        continue;
      }
      const filler = fillerLengthAt(tokens, i);
      if (filler > 0 || /^\d+$/.test(token.text)) {
        closeRun();
        i += Math.max(filler, 1);
        continue;
      }
      runFrom ??= token;
      runTo = token;
      i++;
    }
    closeRun();
  }
  return resolution;
}
