import { readFileSync } from "node:fs";

/** The package version, read once; `--version` and every report carry it. */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** The report timestamp: now, or SOURCE_DATE_EPOCH when set, so CI can produce byte-identical reports. */
export function readGeneratedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch)
    ? new Date(Number(epoch) * 1000).toISOString()
    : new Date().toISOString();
}
