import { dashCellModel, dashContributionModel, dashKeySecretModel } from "./models/aggregate";
import { applicantNoteModel } from "./models/applicant-note";
import { applicationModel } from "./models/application";
import { auditModel } from "./models/audit";
import { bookingModel } from "./models/booking";
import { candidateInviteModel } from "./models/candidate-invite";
import { cvFileModel, fileAccessModel } from "./models/cv-file";
import { idempotencyModel } from "./models/idempotency";
import { interviewModel, interviewSlotLockModel } from "./models/interview";
import { invitationModel } from "./models/invitation";
import { listingModel } from "./models/listing";
import { listingDemandModel } from "./models/listing-demand";
import { mailDigestEntryModel, mailPreferenceModel, mailSentModel, mailSuppressionModel } from "./models/mail";
import { membershipModel } from "./models/membership";
import { messageModel } from "./models/message";
import { notificationModel } from "./models/notification";
import { offerModel } from "./models/offer";
import { organisationModel } from "./models/organisation";
import { placementPreferenceModel } from "./models/placement-preference";
import { placementRoundModel } from "./models/placement-round";
import { placementRoundOrgModel } from "./models/placement-round-org";
import { retentionRunModel } from "./models/retention-run";
import { dashRollupModel } from "./models/rollup";
import { savedSearchModel } from "./models/saved-search";
import { searchAlertModel } from "./models/search-alert";
import { sessionSeatsModel } from "./models/session-seats";
import { deadLetterModel, streamAttemptModel, streamCheckpointModel, streamStatusModel } from "./models/stream-state";
import { studentModel } from "./models/student";
import { targetModel, targetVersionModel } from "./models/target";
import { threadModel, threadReadModel } from "./models/thread";
import { userModel } from "./models/user";

/**
 * Every entity's model by the name `db().entities` gives it (db/service.ts), in the same order: what code that works
 * over all record types (the personal-data export and erasure, data/privacy.ts) walks on the lite data path, without
 * building an ElectroDB entity. `lite-models.test.ts` holds the names, order and models to service.ts's.
 */
export const entityModels = {
  organisation: organisationModel,
  membership: membershipModel,
  user: userModel,
  student: studentModel,
  listing: listingModel,
  listingDemand: listingDemandModel,
  notification: notificationModel,
  invitation: invitationModel,
  application: applicationModel,
  booking: bookingModel,
  sessionSeats: sessionSeatsModel,
  savedSearch: savedSearchModel,
  searchAlert: searchAlertModel,
  target: targetModel,
  targetVersion: targetVersionModel,
  dashCell: dashCellModel,
  dashContribution: dashContributionModel,
  dashKeySecret: dashKeySecretModel,
  dashRollup: dashRollupModel,
  audit: auditModel,
  idempotency: idempotencyModel,
  candidateInvite: candidateInviteModel,
  placementRound: placementRoundModel,
  placementPreference: placementPreferenceModel,
  placementRoundOrg: placementRoundOrgModel,
  retentionRun: retentionRunModel,
  cvFile: cvFileModel,
  fileAccess: fileAccessModel,
  streamAttempt: streamAttemptModel,
  deadLetter: deadLetterModel,
  streamCheckpoint: streamCheckpointModel,
  streamStatus: streamStatusModel,
  message: messageModel,
  thread: threadModel,
  threadRead: threadReadModel,
  applicantNote: applicantNoteModel,
  mailPreference: mailPreferenceModel,
  mailSent: mailSentModel,
  mailDigestEntry: mailDigestEntryModel,
  mailSuppression: mailSuppressionModel,
  interview: interviewModel,
  interviewSlotLock: interviewSlotLockModel,
  offer: offerModel,
};

export type EntityName = keyof typeof entityModels;
