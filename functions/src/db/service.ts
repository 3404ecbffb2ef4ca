import { Service } from "electrodb";
import { dataConfig } from "../config";
import { dynamo } from "./client";
import { DashCellEntity, DashContributionEntity, DashKeySecretEntity } from "./entities/aggregate";
import { ApplicantNoteEntity } from "./entities/applicant-note";
import { ApplicationEntity } from "./entities/application";
import { AuditEntity } from "./entities/audit";
import { BookingEntity } from "./entities/booking";
import { CandidateInviteEntity } from "./entities/candidate-invite";
import { CvFileEntity, FileAccessEntity } from "./entities/cv-file";
import { IdempotencyEntity } from "./entities/idempotency";
import { InterviewEntity, InterviewSlotLockEntity } from "./entities/interview";
import { InvitationEntity } from "./entities/invitation";
import { ListingEntity } from "./entities/listing";
import { ListingDemandEntity } from "./entities/listing-demand";
import { MailDigestEntryEntity, MailPreferenceEntity, MailSentEntity, MailSuppressionEntity } from "./entities/mail";
import { MembershipEntity } from "./entities/membership";
import { MessageEntity } from "./entities/message";
import { NotificationEntity } from "./entities/notification";
import { OfferEntity } from "./entities/offer";
import { OrganisationEntity } from "./entities/organisation";
import { PlacementPreferenceEntity } from "./entities/placement-preference";
import { PlacementRoundEntity } from "./entities/placement-round";
import { PlacementRoundOrgEntity } from "./entities/placement-round-org";
import { RetentionRunEntity } from "./entities/retention-run";
import { SavedSearchEntity } from "./entities/saved-search";
import { SearchAlertEntity } from "./entities/search-alert";
import { SessionSeatsEntity } from "./entities/session-seats";
import {
  DeadLetterEntity,
  StreamAttemptEntity,
  StreamCheckpointEntity,
  StreamStatusEntity,
} from "./entities/stream-state";
import { StudentEntity } from "./entities/student";
import { TargetEntity, TargetVersionEntity } from "./entities/target";
import { ThreadEntity, ThreadReadEntity } from "./entities/thread";
import { UserEntity } from "./entities/user";

const entities = {
  organisation: OrganisationEntity,
  membership: MembershipEntity,
  user: UserEntity,
  student: StudentEntity,
  listing: ListingEntity,
  listingDemand: ListingDemandEntity,
  notification: NotificationEntity,
  invitation: InvitationEntity,
  application: ApplicationEntity,
  booking: BookingEntity,
  sessionSeats: SessionSeatsEntity,
  savedSearch: SavedSearchEntity,
  searchAlert: SearchAlertEntity,
  target: TargetEntity,
  targetVersion: TargetVersionEntity,
  dashCell: DashCellEntity,
  dashContribution: DashContributionEntity,
  dashKeySecret: DashKeySecretEntity,
  audit: AuditEntity,
  idempotency: IdempotencyEntity,
  candidateInvite: CandidateInviteEntity,
  placementRound: PlacementRoundEntity,
  placementPreference: PlacementPreferenceEntity,
  placementRoundOrg: PlacementRoundOrgEntity,
  retentionRun: RetentionRunEntity,
  cvFile: CvFileEntity,
  fileAccess: FileAccessEntity,
  streamAttempt: StreamAttemptEntity,
  deadLetter: DeadLetterEntity,
  streamCheckpoint: StreamCheckpointEntity,
  streamStatus: StreamStatusEntity,
  // Messages per application and recruiters' notes (data/messages.ts).
  message: MessageEntity,
  thread: ThreadEntity,
  threadRead: ThreadReadEntity,
  applicantNote: ApplicantNoteEntity,
  mailPreference: MailPreferenceEntity,
  mailSent: MailSentEntity,
  mailDigestEntry: MailDigestEntryEntity,
  mailSuppression: MailSuppressionEntity,
  interview: InterviewEntity,
  interviewSlotLock: InterviewSlotLockEntity,
  offer: OfferEntity,
};

let service: Service<typeof entities> | undefined;

/** The ElectroDB service over KetNoi's table, bound to the configured table and client on first use. */
export function db(): Service<typeof entities> {
  service ??= new Service(entities, { table: dataConfig().TABLE_NAME, client: dynamo() });
  return service;
}
