/** What one upload may be; each limit has its own 4xx so the team knows which one it hit. */
export interface UploadLimits {
  /** Whole request body, bytes (413 beyond). @default 64 MiB */
  maxUploadBytes: number;
  /** Entries in a zipped submission, folders included (400 beyond). @default 200 */
  maxZipEntries: number;
  /** Sum of the inflated sizes of a zip's entries, counted while inflating (413 beyond). @default 256 MiB */
  maxUnzippedBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: UploadLimits = {
  maxUploadBytes: 64 * MIB,
  maxZipEntries: 200,
  maxUnzippedBytes: 256 * MIB,
};

/** Human size for messages: `64 MiB`, `12.5 KiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${+(bytes / MIB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
