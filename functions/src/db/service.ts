import { createWriteTransaction, type EntityConfiguration, type Service } from "electrodb";
import { dataConfig } from "../config";
import { dynamo } from "./client";
import { dashCellEntity, dashContributionEntity, dashKeySecretEntity } from "./entities/aggregate";
import { applicantNoteEntity } from "./entities/applicant-note";
import { applicationEntity } from "./entities/application";
import { auditEntity } from "./entities/audit";
import { bookingEntity } from "./entities/booking";
import { candidateInviteEntity } from "./entities/candidate-invite";
import { cvFileEntity, fileAccessEntity } from "./entities/cv-file";
import { idempotencyEntity } from "./entities/idempotency";
import { interviewEntity, interviewSlotLockEntity } from "./entities/interview";
import { invitationEntity } from "./entities/invitation";
import { listingEntity } from "./entities/listing";
import { listingDemandEntity } from "./entities/listing-demand";
import { mailDigestEntryEntity, mailPreferenceEntity, mailSentEntity, mailSuppressionEntity } from "./entities/mail";
import { membershipEntity } from "./entities/membership";
import { messageEntity } from "./entities/message";
import { notificationEntity } from "./entities/notification";
import { offerEntity } from "./entities/offer";
import { organisationEntity } from "./entities/organisation";
import { placementPreferenceEntity } from "./entities/placement-preference";
import { placementRoundEntity } from "./entities/placement-round";
import { placementRoundOrgEntity } from "./entities/placement-round-org";
import { retentionRunEntity } from "./entities/retention-run";
import { dashRollupEntity } from "./entities/rollup";
import { savedSearchEntity } from "./entities/saved-search";
import { searchAlertEntity } from "./entities/search-alert";
import { sessionSeatsEntity } from "./entities/session-seats";
import {
  deadLetterEntity,
  streamAttemptEntity,
  streamCheckpointEntity,
  streamStatusEntity,
} from "./entities/stream-state";
import { studentEntity } from "./entities/student";
import { targetEntity, targetVersionEntity } from "./entities/target";
import { threadEntity, threadReadEntity } from "./entities/thread";
import { userEntity } from "./entities/user";

/** How each entity is built: nothing runs at import; `db().entities.x` builds x on first access. */
const factories = {
  organisation: organisationEntity,
  membership: membershipEntity,
  user: userEntity,
  student: studentEntity,
  listing: listingEntity,
  listingDemand: listingDemandEntity,
  notification: notificationEntity,
  invitation: invitationEntity,
  application: applicationEntity,
  booking: bookingEntity,
  sessionSeats: sessionSeatsEntity,
  savedSearch: savedSearchEntity,
  searchAlert: searchAlertEntity,
  target: targetEntity,
  targetVersion: targetVersionEntity,
  dashCell: dashCellEntity,
  dashContribution: dashContributionEntity,
  dashKeySecret: dashKeySecretEntity,
  dashRollup: dashRollupEntity,
  audit: auditEntity,
  idempotency: idempotencyEntity,
  candidateInvite: candidateInviteEntity,
  placementRound: placementRoundEntity,
  placementPreference: placementPreferenceEntity,
  placementRoundOrg: placementRoundOrgEntity,
  retentionRun: retentionRunEntity,
  cvFile: cvFileEntity,
  fileAccess: fileAccessEntity,
  streamAttempt: streamAttemptEntity,
  deadLetter: deadLetterEntity,
  streamCheckpoint: streamCheckpointEntity,
  streamStatus: streamStatusEntity,
  // Messages per application and recruiters' notes (data/messages.ts).
  message: messageEntity,
  thread: threadEntity,
  threadRead: threadReadEntity,
  applicantNote: applicantNoteEntity,
  mailPreference: mailPreferenceEntity,
  mailSent: mailSentEntity,
  mailDigestEntry: mailDigestEntryEntity,
  mailSuppression: mailSuppressionEntity,
  interview: interviewEntity,
  interviewSlotLock: interviewSlotLockEntity,
  offer: offerEntity,
};

type Factories = typeof factories;
/** KetNoi's entities by name, each bound to the configured table and client. */
export type Entities = { [name in keyof Factories]: ReturnType<Factories[name]> };

/** What the code reads from `db()`: the entities, and transactions across them (ElectroDB's Service surface). */
export interface Db {
  entities: Entities;
  transaction: { write: Service<Entities>["transaction"]["write"] };
}

let instance: Db | undefined;

/**
 * KetNoi's table through ElectroDB. Entities are built on first access, not all at once: constructing and
 * validating an ElectroDB entity costs about 2-3 ms of CPU, and a Service of all 42 (plus its collection checks)
 * was most of every Lambda function's import, while a route group touches a handful (docs/benchmarks.md).
 * No route reads a collection across entities, so no Service is built; transactions go through ElectroDB's
 * `createWriteTransaction` over only the entities the transaction touches.
 */
export function db(): Db {
  if (instance) return instance;
  const config: EntityConfiguration = { table: dataConfig().TABLE_NAME, client: dynamo() };
  const built: Partial<Entities> = {};
  const entities = {} as Entities;
  for (const name of Object.keys(factories) as (keyof Factories)[]) {
    Object.defineProperty(entities, name, {
      enumerable: true,
      get: () => (built[name] ??= factories[name](config) as never),
    });
  }
  const write = ((fn: (entities: Entities) => unknown) => {
    // The function is run once, against a view that notes the entities it touches; ElectroDB then gets only
    // those (its first one drives the call, and a cancellation's reasons are matched against them).
    const run = () => {
      const touched: Record<string, unknown> = {};
      const view = new Proxy(entities, {
        get(target, name, receiver) {
          const entity = Reflect.get(target, name, receiver);
          if (typeof name === "string" && name in factories) touched[name] = entity;
          return entity;
        },
      });
      const items = fn(view);
      return { touched, transaction: createWriteTransaction(touched as never, () => items as never) };
    };
    return {
      params: (options?: object) => run().transaction.params(options as never),
      go: async (options?: object) => {
        const { touched, transaction } = run();
        // ElectroDB needs one entity to drive the call; a transaction that touched none has nothing to write.
        if (Object.keys(touched).length === 0) return { canceled: false, data: [] };
        return transaction.go(options as never);
      },
    };
  }) as unknown as Db["transaction"]["write"];
  instance = { entities, transaction: { write } };
  return instance;
}
