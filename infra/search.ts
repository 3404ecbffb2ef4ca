import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { StageSettings } from "./stage";

/** The one object in the snapshot bucket: the MiniSearch index of published listings as JSON (docs/search.md). */
export const searchSnapshotKey = "search/index.json";
/**
 * The candidate snapshot in the same bucket: consenting students' ranking fields (no names, contact or CVs), kept by
 * the same stream consumer and read by the functions that rank candidates (docs/data-model.md).
 */
export const candidateSnapshotKey = "candidates/pool.json";

export interface KetNoiSearchProps {
  readonly stage: StageSettings;
}

/**
 * Search in deploy: the S3 bucket holding the index snapshot. API functions read it (`grantSnapshotRead`); only the
 * table stream's consumer writes it (`grantSnapshotWrite`), with S3 conditional writes.
 */
export class KetNoiSearch extends Construct {
  readonly bucket: Bucket;
  /** SEARCH_BUCKET, SEARCH_KEY and CANDIDATES_KEY, as functions/src/config.ts reads them. */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: KetNoiSearchProps) {
    super(scope, id);
    const { stage } = props;
    // Derived data (the stream consumer rebuilds it from the table when it is missing), but kept with
    // production's other stateful resources; a dev stage's bucket is emptied and removed with the stack.
    this.bucket = new Bucket(this, "Snapshots", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: !stage.isProduction,
    });
    this.environment = {
      SEARCH_BUCKET: this.bucket.bucketName,
      SEARCH_KEY: searchSnapshotKey,
      CANDIDATES_KEY: candidateSnapshotKey,
    };
  }

  /** The snapshot object's ARN: every object grant is on this key and the candidate snapshot's alone. */
  get snapshotArn(): string {
    return this.bucket.arnForObjects(searchSnapshotKey);
  }

  /** The candidate snapshot object's ARN. */
  get candidateSnapshotArn(): string {
    return this.bucket.arnForObjects(candidateSnapshotKey);
  }

  /**
   * GetObject on the two snapshot keys, and ListBucket on the bucket, which holds nothing else: without ListBucket, S3
   * answers a snapshot that does not exist yet with 403, indistinguishable from a missing permission, instead of
   * 404 (then the consumer builds the first snapshot and the API serves an empty index meanwhile).
   */
  grantSnapshotRead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ["s3:GetObject"], resources: [this.snapshotArn, this.candidateSnapshotArn] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ["s3:ListBucket"], resources: [this.bucket.bucketArn] }),
    );
  }

  /** PutObject on the two snapshot keys (conditional writes need no other permission). */
  grantSnapshotWrite(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ["s3:PutObject"], resources: [this.snapshotArn, this.candidateSnapshotArn] }),
    );
  }
}
