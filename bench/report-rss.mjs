// Preloaded into a benchmarked child (node --import): writes the child's peak RSS in KiB to the
// file named by CLAIMCHECK_BENCH_RSS when it exits, so both sides are measured the same way.
import { writeFileSync } from "node:fs";

const target = process.env.CLAIMCHECK_BENCH_RSS;
if (target !== undefined) {
  process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
