import type { Application, ApplicationStatus } from "@ketnoi/core";
import { applicationStatuses, pipelineMover } from "@ketnoi/core/pipeline";

/** The board's columns in pipeline order; the final outcomes other than acceptance share the last one. */
export const boardColumns = [
  { id: "submitted", statuses: ["submitted"] },
  { id: "reviewing", statuses: ["reviewing"] },
  { id: "shortlisted", statuses: ["shortlisted"] },
  { id: "interview", statuses: ["interview"] },
  { id: "offered", statuses: ["offered"] },
  { id: "accepted", statuses: ["accepted"] },
  { id: "closed", statuses: ["declined", "rejected", "withdrawn"] },
] as const satisfies ReadonlyArray<{ id: string; statuses: readonly ApplicationStatus[] }>;

export type BoardColumnId = (typeof boardColumns)[number]["id"];

/**
 * The moves the organisation may make from a status, in pipeline order: forward through its stages (skipping is
 * allowed) and rejection. Core's pipeline rule decides; the board never offers a move the API would refuse.
 * @example organisationMoves("shortlisted") // ["interview", "offered", "rejected"]
 */
export function organisationMoves(from: ApplicationStatus): ApplicationStatus[] {
  return applicationStatuses.filter((to) => pipelineMover(from, to) === "organisation");
}

/** Moves legal for every selected application at once: what a bulk action may offer. */
export function commonMoves(selected: ReadonlyArray<Pick<Application, "status">>): ApplicationStatus[] {
  if (selected.length === 0) return [];
  const [first, ...rest] = selected.map((a) => new Set(organisationMoves(a.status)));
  return [...first!].filter((to) => rest.every((moves) => moves.has(to)));
}

/** Applications grouped by column, oldest application first within a column (first come, first considered). */
export function groupByColumn<T extends Pick<Application, "status" | "createdAt">>(items: readonly T[]) {
  return boardColumns.map((column) => ({
    ...column,
    items: items
      .filter((a) => (column.statuses as readonly ApplicationStatus[]).includes(a.status))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  }));
}
