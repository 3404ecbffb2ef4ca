import type { MatchCandidate } from "@ketnoi/core";

/** What the candidate ranking reads of a profile (core's `MatchCandidate`): all the pool keeps of each student. */
export const candidateFields = [
  "userId",
  "major",
  "year",
  "skills",
  "languages",
  "availableFrom",
  "availableTo",
  "reachableCommunes",
  "consents",
] as const;

/** A profile cut down to the ranking's fields: names, contact details, CVs and free text are never held. */
export function asCandidate(profile: MatchCandidate): MatchCandidate {
  const kept: Record<string, unknown> = {};
  for (const field of candidateFields) if (profile[field] !== undefined) kept[field] = profile[field];
  return kept as MatchCandidate;
}

/** The snapshot's format tag: a snapshot of another format is rebuilt, never half-read. */
export const candidateSnapshotFormat = "ketnoi-candidates/1";

/**
 * One student as stored: `[userId, version, major, year, skills, languages, availableFrom, availableTo, communes]`,
 * where major, skill ids, language codes and levels and communes are indexes into the snapshot's `strings`
 * (a few hundred distinct values shared by ~88,000 students), skills flattened as `[id, level, id, level, …]`,
 * languages as `[code, level, …]`, and an absent date as 0.
 */
type Row = [string, number, number, number, number[], number[], string | 0, string | 0, number[]];

interface SnapshotBody {
  format: string;
  source: string | null;
  strings: string[];
  students: Row[];
}

interface Entry {
  candidate: MatchCandidate;
  version: number;
}

/** The consent that put a student in the pool: every stored student has granted it (others are not stored). */
const consenting = { recommendToRecruiters: { granted: true } } as const;

/**
 * The consenting students the candidate ranking reads, by user id, each with the profile version it came from so
 * that a change delivered twice or late (stream retries) never replaces a newer one. Changed only through
 * `upsert`/`remove`; `students()` is the list the ranking iterates (rebuilt after a change, shared until the next).
 */
export class CandidatePool {
  private readonly entries = new Map<string, Entry>();
  private list: MatchCandidate[] | undefined;

  get size(): number {
    return this.entries.size;
  }

  /** The stored version of a student, or undefined when they are not in the pool. */
  versionOf(userId: string): number | undefined {
    return this.entries.get(userId)?.version;
  }

  /** Puts a consenting student's ranking fields; an older version than the stored one is ignored. */
  upsert(profile: MatchCandidate, version: number): boolean {
    const existing = this.entries.get(profile.userId);
    if (existing && existing.version > version) return false;
    const candidate = { ...asCandidate(profile), consents: consenting } as MatchCandidate;
    if (existing && existing.version === version && JSON.stringify(existing.candidate) === JSON.stringify(candidate)) {
      return false;
    }
    this.entries.set(profile.userId, { candidate, version });
    this.list = undefined;
    return true;
  }

  /**
   * Takes a student out (consent withdrawn at `version`, or, with no version, the profile removed or the account
   * erased: always). A withdrawal older than the stored version is ignored.
   */
  remove(userId: string, version?: number): boolean {
    const existing = this.entries.get(userId);
    if (!existing || (version !== undefined && existing.version > version)) return false;
    this.entries.delete(userId);
    this.list = undefined;
    return true;
  }

  students(): MatchCandidate[] {
    this.list ??= Array.from(this.entries.values(), (e) => e.candidate);
    return this.list;
  }

  /** The compact encoding (see `Row`): ranking fields only, repeated strings once. */
  toSnapshot(source: string | null): string {
    const strings: string[] = [];
    const ids = new Map<string, number>();
    const at = (value: string) => {
      let id = ids.get(value);
      if (id === undefined) {
        id = strings.push(value) - 1;
        ids.set(value, id);
      }
      return id;
    };
    const students: Row[] = [];
    for (const { candidate: c, version } of this.entries.values()) {
      students.push([
        c.userId,
        version,
        at(c.major),
        c.year,
        c.skills.flatMap((s) => [at(s.id), s.level]),
        c.languages.flatMap((l) => [at(l.code), at(l.level)]),
        c.availableFrom ?? 0,
        c.availableTo ?? 0,
        c.reachableCommunes.map(at),
      ]);
    }
    const body: SnapshotBody = { format: candidateSnapshotFormat, source, strings, students };
    return JSON.stringify(body);
  }

  /** Reads a snapshot; undefined when it is unreadable or of another format (then it is rebuilt from the consent index). */
  static fromSnapshot(text: string): { pool: CandidatePool; source: string | null } | undefined {
    let body: SnapshotBody;
    try {
      body = JSON.parse(text) as SnapshotBody;
    } catch {
      return undefined; // a truncated or foreign file: rebuilt, not served
    }
    if (body?.format !== candidateSnapshotFormat) return undefined;
    const { strings } = body;
    const pool = new CandidatePool();
    const { entries } = pool;
    // A skill at a level (a language at a level) is one shared, never-mutated object: a few hundred distinct pairs
    // instead of ~500,000 small allocations for 88,000 students.
    const skillAt = new Map<number, { id: string; level: number }>();
    const languageAt = new Map<number, { code: string; level: string }>();
    const skill = (id: number, level: number) => {
      const key = id * 16 + level;
      let found = skillAt.get(key);
      if (!found) {
        found = { id: strings[id]!, level };
        skillAt.set(key, found);
      }
      return found;
    };
    const language = (code: number, level: number) => {
      const key = code * strings.length + level;
      let found = languageAt.get(key);
      if (!found) {
        found = { code: strings[code]!, level: strings[level]! };
        languageAt.set(key, found);
      }
      return found;
    };
    // One loop, no spreads per student: this runs ~88,000 times on a process's first candidate list.
    for (const row of body.students) {
      const skills = row[4];
      const skillList = new Array<{ id: string; level: number }>(skills.length >> 1);
      for (let i = 0; i < skills.length; i += 2) skillList[i >> 1] = skill(skills[i]!, skills[i + 1]!);
      const languages = row[5];
      const languageList = new Array<{ code: string; level: string }>(languages.length >> 1);
      for (let i = 0; i < languages.length; i += 2) languageList[i >> 1] = language(languages[i]!, languages[i + 1]!);
      const communes = row[8];
      const communeList = new Array<string>(communes.length);
      for (let i = 0; i < communes.length; i++) communeList[i] = strings[communes[i]!]!;
      const candidate: Record<string, unknown> = {
        userId: row[0],
        major: strings[row[2]],
        year: row[3],
        skills: skillList,
        languages: languageList,
        reachableCommunes: communeList,
        consents: consenting,
      };
      if (row[6]) candidate.availableFrom = row[6];
      if (row[7]) candidate.availableTo = row[7];
      entries.set(row[0], { candidate: candidate as MatchCandidate, version: row[1] });
    }
    return { pool, source: body.source };
  }
}
