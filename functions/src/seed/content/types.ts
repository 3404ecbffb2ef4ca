import type { ListingType, Major, workModes } from "@ketnoi/core";

/** A short text in Vietnamese with an optional English version (names, titles). */
export type Text = { vi: string; en?: string };

/**
 * Longer text written as chunks that are joined with spaces, so that the content files keep lines under
 * 120 characters without string concatenation. May hold `{org}` and `{park}` placeholders.
 */
export type Prose = { vi: readonly string[]; en?: readonly string[] };

/** A listing template; each organisation in `owners` posts its own copy, with `{org}` and `{park}` filled in. */
export interface ListingSeed {
  /** Suffix of the listing id: `<orgId>-<key>`. */
  key: string;
  type: ListingType;
  owners: readonly string[];
  title: Text;
  description: Prose;
  skills: { required: readonly string[]; preferred: readonly string[] };
  /** Empty: open to every major. */
  majors: readonly Major[];
  terms: {
    years: readonly number[];
    workMode: (typeof workModes)[number];
    positions?: number;
    /** Monthly stipend (internships) or starting salary (jobs); its presence makes the listing paid. */
    stipendVnd?: number;
    durationWeeks?: number;
    /** Visits: how many sessions to schedule. */
    sessions?: number;
  };
}
