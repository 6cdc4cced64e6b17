import { recomputeTest } from "../measure/collective/collective-bandwidth.ts";
import type { Collective } from "../model/collective.ts";
import { type HardwareCatalog, resolveLink } from "../model/hardware.ts";
import type { Submission } from "../model/manifest.ts";
import type { Chart } from "../model/report.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/** The default large-message window; a claim may declare another (`min_bytes`). */
const WINDOW = "1 GiB";

/**
 * busbw against message size, one chart per collective, one line per evidence role (out-of-place
 * cells, recomputed), with the bottleneck link's line rate per direction as the reference line.
 */
export function computeBusbwCharts(
  inputs: VerifiedInput[],
  system: Submission["system"],
  hardware: HardwareCatalog | undefined,
): Chart[] {
  const byCollective = new Map<Collective, Chart["series"]>();
  for (const input of inputs) {
    for (const test of input.parsed.collective?.tests ?? []) {
      const cells = recomputeTest(test);
      if (cells === undefined || test.collective === undefined) continue;
      const points = cells
        .filter((c) => c.row.placement === "out-of-place")
        .map((c): [number, number] => [c.row.sizeBytes, Math.round(c.busbw * 100) / 100]);
      const series = byCollective.get(test.collective) ?? [];
      series.push({ label: `${input.role} (${test.ranks} ranks)`, role: input.role, points });
      byCollective.set(test.collective, series);
    }
  }
  if (byCollective.size === 0) return [];
  const link = resolveLink(
    typeof system.link === "boolean" ? undefined : system.link,
    hardware ?? new Map(),
    system.accelerators ?? [],
  );
  return [...byCollective].map(([collective, series]) => ({
    id: `busbw:${collective}`,
    type: "line" as const,
    title: {
      en: `${collective} bus bandwidth by message size (judged from ${WINDOW})`,
      zh: `${collective} 总线带宽与消息大小（判定窗口 ${WINDOW} 起）`,
    },
    x: { label: { en: "Message size", zh: "消息大小" }, unit: "B", log: true },
    y: { label: { en: "busbw (recomputed)", zh: "busbw（重算）" }, unit: "GB/s" },
    series,
    reference: [
      ...(typeof link === "string"
        ? []
        : [
            {
              axis: "y" as const,
              value: link.gbps,
              label: { en: "line rate per direction", zh: "单向线速" },
            },
          ]),
    ],
  }));
}
