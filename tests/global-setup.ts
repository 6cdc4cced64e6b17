import { execFileSync } from "node:child_process";

/** The e2e tests spawn ./bin/claimcheck, which runs dist/: build it once so it matches src/. */
export function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
}
