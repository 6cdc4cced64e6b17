/** What one upload may be; each limit has its own 4xx so the team knows which one it hit. */
export interface UploadLimits {
  /** Whole request body, bytes (413 beyond). @default 64 MiB */
  maxUploadBytes: number;
  /** Entries in a zipped submission, folders included (400 beyond). @default 200 */
  maxZipEntries: number;
  /** Sum of the inflated sizes of a zip's entries, counted while inflating (413 beyond). @default 256 MiB */
  maxUnzippedBytes: number;
  /** Parts of the multipart body, counted while it streams (413 beyond, before anything is parsed). @default 64 */
  maxParts: number;
  /** Uploads a team may start per hour (429 with Retry-After beyond). @default 60 */
  maxUploadsPerHour: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: UploadLimits = {
  maxUploadBytes: 64 * MIB,
  maxZipEntries: 200,
  maxUnzippedBytes: 256 * MIB,
  // A quick upload has a topic, at most 9 roles and their formats; a zip is one part.
  maxParts: 64,
  // One a minute on average: CI on every push of a busy team, not a flood that buries a result.
  maxUploadsPerHour: 60,
};

/** Human size for messages: `64 MiB`, `12.5 KiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${+(bytes / MIB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
