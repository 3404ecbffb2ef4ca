export { resolveSkills, type SkillResolution, skillSearchTerms } from "./resolve";
export * from "./taxonomy";
export * from "./types";
