/**
 * Stands in for the `jsonschema` package in the deployed bundles only (infra/function.ts `functionBundling`
 * aliases it here). ElectroDB uses jsonschema for one thing: checking each entity's model against its model schema
 * when the entity is built, at import. KetNoi's models are constants, and every test run (unbundled, with the real
 * jsonschema) builds all of them, so an invalid model fails the suite long before it could deploy; checking them
 * again on every cold start cost ~60 ms of a Lambda's import (issue 14, docs/decisions.md).
 *
 * ElectroDB also asks "is this a model?" of what a Service joins (util.getInstanceType): a built Entity or Service
 * is not a model, so it must fail here as it fails the real schema; every plain object passes. The built bundles'
 * tests (infra/bundle-routes.test.ts) drive routes that join entities into the service, so a wrong answer shows.
 */
interface ValidationError {
  property: string;
  message: string;
  argument?: string;
}
export class Validator {
  declare customFormats: Record<string, unknown>;
  addSchema(): void {}
  validate(instance: unknown): { valid: boolean; errors: ValidationError[] } {
    const built = typeof instance === "object" && instance !== null && "_instance" in instance;
    const errors = built ? [{ property: "instance", message: "is a built ElectroDB instance, not a model" }] : [];
    return { valid: errors.length === 0, errors };
  }
}
// ElectroDB registers its custom formats on the prototype when it loads.
Validator.prototype.customFormats = {};
