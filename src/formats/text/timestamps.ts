/**
 * nvidia-smi's `timestamp` query, `YYYY/MM/DD HH:MM:SS.mmm`, as seconds since the Unix epoch.
 * nvidia-smi prints the host's local time without a zone; we read it as UTC because the file does not
 * say which zone it was, and the memory checks need only the order of and the gaps between samples.
 * NaN when the text is not such a time.
 */
export function parseSmiTimestamp(cell: string): number {
  const s = cell.trim();
  if (!SMI_TIME.test(s)) return Number.NaN;
  const minute = s.slice(0, 16);
  // Consecutive samples share their minute: converting the calendar part once per minute instead of
  // once per row makes a day of 8-GPU samples parse about 4× faster. The cache cannot change a result.
  if (minute !== lastMinute.text) {
    const parts = [s.slice(0, 4), s.slice(5, 7), s.slice(8, 10), s.slice(11, 13), s.slice(14, 16), "0"];
    lastMinute = { text: minute, seconds: utcSeconds(parts.map(Number)) };
  }
  const second = Number(s.slice(17, 19));
  if (second > 60) return Number.NaN;
  return withFraction(lastMinute.seconds + second, s.length > 19 ? s.slice(19) : undefined);
}

/**
 * An ISO 8601 date-time (`2026-10-12T08:00:01.5Z`, `…+08:00`, a space instead of `T`) as seconds since
 * the Unix epoch. A time without a zone is read as UTC, so the result never depends on the machine
 * that runs claimcheck. NaN when the text is not such a time.
 */
export function parseIsoTimestamp(cell: string): number {
  const m = ISO.exec(cell.trim());
  if (m === null) return Number.NaN;
  const seconds = utcSeconds([m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number));
  return withFraction(seconds - zoneOffsetSeconds(m[8]), m[7]);
}

// --- internal ---

const SMI_TIME = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;
let lastMinute = { text: "", seconds: Number.NaN };

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Whole seconds since the epoch of a calendar time read as UTC; NaN for an impossible date like 02-30. */
function utcSeconds(parts: number[]): number {
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 60) return Number.NaN;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over to March 2; a date that does not survive the round trip is invalid.
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return Number.NaN;
  return ms / 1000;
}

/**
 * Whole seconds plus a `.ddd` fraction, rounded once: (s·10^k + ddd) / 10^k is exact up to the
 * division for k ≤ 6, so `…00.101` is the double nearest to the decimal time, as Python computes it.
 */
function withFraction(seconds: number, fraction: string | undefined): number {
  if (fraction === undefined) return seconds;
  const digits = fraction.slice(1, 7);
  const scale = 10 ** digits.length;
  return (seconds * scale + Number(digits)) / scale;
}

function zoneOffsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 3600 + minutes * 60);
}
