/** Placeholder: the api bench section (issue 7) is being written. */
import type { BenchSection } from "./harness";

export const apiSection: BenchSection = { name: "api", cases: [] };
