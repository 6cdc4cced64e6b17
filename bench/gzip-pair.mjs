// Gzips a candidate/baseline pair next to the originals (`x.csv` → `x.csv.gz`, level 6 as `gzip`
// uses by default), streaming; returns the compressed paths.
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

export async function gzipPair({ candidate, baseline }) {
  for (const path of [candidate, baseline])
    await pipeline(createReadStream(path), createGzip({ level: 6 }), createWriteStream(`${path}.gz`));
  return { candidate: `${candidate}.gz`, baseline: `${baseline}.gz` };
}
