import { execFileSync } from "node:child_process";

/**
 * The e2e tests spawn ./bin/claimcheck, which runs the bundle in dist/bundle/: build once what
 * `npm run build` builds (dist/, the bundle, the compiled topics) so it matches src/.
 */
export function setup(): void {
  for (const args of [
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    ["scripts/bundle-cli.mjs"],
    ["scripts/compile-topics.mjs"],
  ])
    execFileSync(process.execPath, args, { stdio: "inherit" });
}
