import { exportLinkSeconds, presignedDownload } from "./objects";

type Item = Record<string, unknown>;

/**
 * The student's CV file records as the export shows them: each ready file with a download link valid for a day
 * (the export is a JSON file kept by the student; a link that lasted longer would outlive an erasure).
 */
export async function withDownloadLinks(files: Item[]): Promise<Item[]> {
  return Promise.all(
    files.map(async (file) => {
      if (file.status !== "ready" || typeof file.objectKey !== "string") return file;
      const { url, expiresAt } = await presignedDownload(file.objectKey, String(file.name), exportLinkSeconds);
      return { ...file, downloadUrl: url, downloadUrlExpiresAt: expiresAt };
    }),
  );
}
