/**
 * Where the browser's upload lands before the API checked it: `uploads/…`, beside the checked file's `cv/…` key.
 * Only checked files are ever under `cv/`; whatever stays under `uploads/` (an upload never checked) is removed by
 * the bucket's lifecycle rule after a day (infra/files.ts).
 * @example uploadKeyOf("cv/stu-1/abc.pdf") // "uploads/stu-1/abc.pdf"
 */
export function uploadKeyOf(objectKey: string): string {
  return objectKey.replace(/^cv\//, "uploads/");
}
