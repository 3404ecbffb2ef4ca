/**
 * Stands in for the `yup` package in the deployed bundles only (infra/function.ts `bundleAliases`). Its one user is
 * the `ics` calendar writer (interviews/ics.ts), which builds yup schemas of every iCalendar field at import and
 * validates each event with `validateSync(candidate, { strict: true })` — strict, so a valid event comes back
 * unchanged. KetNoi builds its events from stored interviews with fixed shapes, and every test run (unbundled, with
 * the real yup) writes them through the real validation, so an event ics would refuse fails the suite; in the
 * bundles the schemas cost ~39 kB and their construction at every cold start of the functions that carry interview
 * routes (issue 14, docs/decisions.md). The built bundles' tests (infra/bundle-runtime.test.ts, bundle-routes)
 * run the bundles with this stand-in.
 *
 * Every schema builder returns a schema whose every method returns the same schema (the chains ics writes:
 * `string().required().matches(…)`, `object().shape({…})`, `lazy(fn)`), and `validateSync` returns its candidate.
 */
interface StandInSchema {
  validateSync<T>(candidate: T): T;
  [method: string]: unknown;
}

const schema: StandInSchema = new Proxy({} as StandInSchema, {
  get: (_target, property) =>
    property === "validateSync" ? <T>(candidate: T) => candidate : property === "then" ? undefined : () => schema,
});
const builder = (): StandInSchema => schema;

export const array = builder;
export const lazy = builder;
export const mixed = builder;
export const number = builder;
export const object = builder;
export const string = builder;
export const date = builder;
export { builder as boolean };
