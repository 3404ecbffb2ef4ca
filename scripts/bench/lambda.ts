/** Placeholder: the lambda bench section (issue 7) is being written. */
import type { BenchSection } from "./harness";

export const lambdaSection: BenchSection = { name: "lambda", cases: [] };
