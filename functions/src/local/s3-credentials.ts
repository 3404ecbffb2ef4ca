/**
 * The keys s3rver accepts (its defaults); nothing real is stored under them. A module of its own so that
 * configuration code reads them without loading s3rver.
 */
export const localS3Credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;
