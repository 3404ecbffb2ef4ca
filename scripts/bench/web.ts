/** Placeholder: the web bench section (issue 7) is being written. */
import type { BenchSection } from "./harness";

export const webSection: BenchSection = { name: "web", cases: [] };
