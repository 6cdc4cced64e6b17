/** One logical line of a launcher's output: its text without launcher tags and the file line it began on. */
export interface LogicalLine {
  text: string;
  line: number;
}

/**
 * Splits a collective benchmark's stdout into logical lines, undoing Open MPI's `--tag-output`.
 *
 * Open MPI's IOF (`orte/mca/iof/base/iof_base_output.c`, PRRTE/PMIx `iof_base_output.c` in v5) writes
 * each chunk it reads from a rank's pipe as `[jobid,rank]<stdout>:` + data, and inserts the tag again
 * after every newline inside the chunk, but adds no newline when a chunk ends mid-line. A rank whose
 * pipe flushes half a row therefore leaves the row open, and the next chunk, of any rank, continues on
 * the same physical line behind its own tag (`… 0[1,1]<stdout>:…`), while the row's rest arrives later
 * behind a fresh `[1,0]<stdout>:`. So the text behind each tag is appended to that tag's own buffer,
 * and a buffer becomes a line when its text ends at a newline. `--timestamp-output` puts a ctime stamp
 * before the tag; PMIx (Open MPI 5) ends the tag with one space, and `--output tag-detailed` adds
 * `[host:pid]`. Text before a line's first tag (a launcher's own prefix, e.g. Ray's
 * `(head, rank=0, pid=1)`) is not the rank's output and is dropped. ANSI colours are stripped too.
 */
export function splitCollectiveLines(text: string): LogicalLine[] {
  const physical = text.replace(ANSI, "").split(/\r?\n/);
  // PMIx's tag ends in one space; Open MPI 4's does not. A tag directly followed by `#` proves the latter.
  const spaced = !NO_SPACE_EVIDENCE.test(text) && SPACE_EVIDENCE.test(text);
  const open = new Map<string, LogicalLine>();
  const out: LogicalLine[] = [];
  physical.forEach((raw, i) => {
    const tags = [...raw.matchAll(TAG)];
    if (tags.length === 0) {
      out.push({ text: raw, line: i + 1 });
      return;
    }
    tags.forEach((tag, k) => {
      const start =
        (tag.index as number) +
        tag[0].length +
        (spaced && raw[(tag.index as number) + tag[0].length] === " " ? 1 : 0);
      const end = k + 1 < tags.length ? (tags[k + 1]?.index as number) : raw.length;
      const key = tag[1] as string;
      const pending = open.get(key) ?? { text: "", line: i + 1 };
      pending.text += raw.slice(start, end);
      if (k + 1 < tags.length) open.set(key, pending);
      else {
        open.delete(key);
        out.push(pending);
      }
    });
  });
  // Chunks still open at the end of the file are rows the log lost their newline for: keep them.
  for (const pending of open.values()) out.push(pending);
  return out.sort((a, b) => a.line - b.line);
}

// --- internal ---

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*m/g;
const STAMP = String.raw`(?:[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})?`;
const TAG = new RegExp(
  `${STAMP}(\\[[^\\[\\]\\s,]+,\\d+\\](?:\\[[^\\[\\]\\s]+:\\d+\\])?<std(?:out|err|diag)>):`,
  "g",
);
const NO_SPACE_EVIDENCE = /\]<std(?:out|err|diag)>:#/;
const SPACE_EVIDENCE = /\]<std(?:out|err|diag)>: #/;
