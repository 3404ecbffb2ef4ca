import type { ConsentPurpose, StudentProfile } from "@ketnoi/core";

/** The profile form's state: what its inputs hold. */
export interface ProfileDraft {
  fullName: string;
  universityId: string;
  major: string;
  year: string;
  skills: Array<{ id: string; level: string }>;
  languages: Array<{ code: string; level: string }>;
  availableFrom: string;
  availableTo: string;
  reachableCommunes: string[];
  preferredSectors: string[];
  cvUrl: string;
  consents: Record<ConsentPurpose, boolean>;
}

export const consentPurposeList: readonly ConsentPurpose[] = [
  "shareWithAppliedOrgs",
  "recommendToRecruiters",
  "provinceStatistics",
];

export function draftFromProfile(profile: StudentProfile | null, fullName = ""): ProfileDraft {
  return {
    fullName: profile?.fullName ?? fullName,
    universityId: profile?.universityId ?? "",
    major: profile?.major ?? "",
    year: profile ? String(profile.year) : "",
    skills: (profile?.skills ?? []).map((s) => ({ id: s.id, level: String(s.level) })),
    languages: (profile?.languages ?? []).map((l) => ({ ...l })),
    availableFrom: profile?.availableFrom ?? "",
    availableTo: profile?.availableTo ?? "",
    reachableCommunes: [...(profile?.reachableCommunes ?? [])],
    preferredSectors: [...(profile?.preferredSectors ?? [])],
    cvUrl: profile?.cvUrl ?? "",
    consents: {
      shareWithAppliedOrgs: profile?.consents.shareWithAppliedOrgs.granted ?? false,
      recommendToRecruiters: profile?.consents.recommendToRecruiters.granted ?? false,
      provinceStatistics: profile?.consents.provinceStatistics.granted ?? false,
    },
  };
}

const optional = (value: string) => (value.trim() === "" ? undefined : value);

/** The body of PUT /api/students/me (before validation); `version` is absent on the first save. */
export function profileInput(draft: ProfileDraft, version?: number): Record<string, unknown> {
  const input: Record<string, unknown> = {
    fullName: draft.fullName,
    universityId: draft.universityId,
    major: draft.major,
    year: draft.year === "" ? undefined : Number(draft.year),
    skills: draft.skills.map((s) => ({ id: s.id, level: Number(s.level) })),
    languages: draft.languages,
    availableFrom: optional(draft.availableFrom),
    availableTo: optional(draft.availableTo),
    reachableCommunes: draft.reachableCommunes,
    preferredSectors: draft.preferredSectors,
    cvUrl: optional(draft.cvUrl),
    consents: { ...draft.consents },
    version,
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
