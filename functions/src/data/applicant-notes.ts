import type { ApplicantNoteEntity } from "../db/entities/applicant-note";
import { liteEntity } from "../db/lite";
import { liteWrites, send } from "../db/lite-writes";
import { applicantNoteModel } from "../db/models/applicant-note";
import { guard } from "./guard";

// Erasure runs in the account group's function, over the lite data path (db/lite.ts, issue 14); data/messages.ts
// re-exports this.
const applicantNotes = liteEntity<ApplicantNoteEntity>(applicantNoteModel);
const applicantNoteWrites = liteWrites<ApplicantNoteEntity>(applicantNoteModel);

/** Deletes the organisations' notes on a student's applications (erasure: the notes carry no student id). */
export async function deleteApplicantNotes(applicationIds: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const applicationId of new Set(applicationIds)) {
    const notes = await guard(() => applicantNotes.query("byApplication", { applicationId }));
    // A few at a time, as the conversation's deletion does (data/messages.ts).
    for (let i = 0; i < notes.length; i += 8) {
      await Promise.all(
        notes
          .slice(i, i + 8)
          .map(({ orgId }) => guard(() => send(applicantNoteWrites.delete({ applicationId, orgId })))),
      );
    }
    deleted += notes.length;
  }
  return deleted;
}
