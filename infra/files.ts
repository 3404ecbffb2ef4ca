import { Duration, Stack } from "aws-cdk-lib";
import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import type { StageSettings } from "./stage";

export interface KetNoiFilesProps {
  readonly stage: StageSettings;
}

/** Where checked CV files live, and where browsers' uploads land before the API checks them. */
export const cvPrefix = "cv/";
export const uploadPrefix = "uploads/";

/**
 * Students' CV files (functions/src/routes/files.ts): a private bucket (public access blocked, owner-enforced, SSE,
 * TLS 1.2+ only). Browsers upload to `uploads/` with presigned POSTs the API signs, and only from the web origin
 * (CORS, `allowWebOrigin`); the API checks each upload and copies it to `cv/`. An upload never checked is an
 * orphan: the lifecycle rule removes everything under `uploads/` after a day, and unfinished multipart uploads.
 */
export class KetNoiFiles extends Construct {
  readonly bucket: Bucket;
  /** FILES_BUCKET, as functions/src/config.ts reads it. */
  readonly environment: Record<string, string>;
  /**
   * The origin browsers post uploads to (https://<bucket>.s3.<region>.amazonaws.com), for the site's CSP. Built from
   * the bucket's fixed name, not read from the bucket: the bucket's CORS names the site's origin, so a CSP that
   * referenced the bucket resource would make the two depend on each other.
   */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: KetNoiFilesProps) {
    super(scope, id);
    const { stage } = props;
    const { account, region, urlSuffix } = Stack.of(this);
    // Unique per stage, account and region (bucket names are global); cut to S3's 63 characters for long stages.
    const bucketName = `ketnoi-${stage.name.slice(0, 16)}-cv-${account}-${region}`;
    this.origin = `https://${bucketName}.s3.${region}.${urlSuffix}`;
    this.bucket = new Bucket(this, "CvFiles", {
      bucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Students' own files: production keeps the bucket when the stack goes; a dev stage's is emptied with it.
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: !stage.isProduction,
      lifecycleRules: [
        { id: "orphaned-uploads", prefix: uploadPrefix, expiration: Duration.days(1) },
        { id: "unfinished-multipart", abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    this.environment = { FILES_BUCKET: this.bucket.bucketName };
  }

  /** The browser's upload (a form POST) is cross-origin: allowed from the site's origin only. */
  allowWebOrigin(origin: string): void {
    this.bucket.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.POST],
      allowedHeaders: ["*"],
      maxAge: 600,
    });
  }

  /**
   * The API function: signs the day-long download links of a student's personal-data export (aws4fetch,
   * functions/src/files/export-links.ts). A presigned URL works only if its signer may do the call: GetObject on
   * checked files under `cv/`, nothing else.
   */
  grantExportLinks(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ["s3:GetObject"], resources: [this.bucket.arnForObjects(`${cvPrefix}*`)] }),
    );
  }

  /**
   * The files function (functions/src/files-lambda.ts): signs uploads to `uploads/` (PutObject), reads and deletes them while checking, copies a checked one
   * to `cv/` (PutObject there, GetObject on the upload), signs downloads of `cv/` (GetObject) and deletes files.
   * No ListBucket, nothing outside the two prefixes.
   */
  grantApi(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
        resources: [this.bucket.arnForObjects(`${uploadPrefix}*`), this.bucket.arnForObjects(`${cvPrefix}*`)],
      }),
    );
  }

  /** The stream consumer deletes the objects of removed file records (erasure): DeleteObject only. */
  grantDelete(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ["s3:DeleteObject"],
        resources: [this.bucket.arnForObjects(`${uploadPrefix}*`), this.bucket.arnForObjects(`${cvPrefix}*`)],
      }),
    );
  }
}
