// Bundles the CLI into dist/bundle/ (run by `npm run build`, after tsc has written dist/). Start-up of
// a Node 20 CLI is mostly resolving, reading and compiling modules (~85 of our own for `validate`),
// and a bundle merges them into a few files. bin/claimcheck runs dist/bundle/main.js; the library
// export stays the tsc output (dist/index.js).
//
// - Code splitting keeps what the commands import lazily (charts and canvas, the server, the
//   reporters, the topic catalog) in chunks of their own.
// - Dependencies stay external (native addons, fonts, the big libraries) except cac: it is on every
//   command's start path, small and without dependencies, and resolving it alone costs ~2 ms.
// - The output is flat because modules find the package's files relative to themselves
//   (`new URL("../../topics/", import.meta.url)` from src/read/, `./read-input-worker.js` from
//   src/cli/commands/) and esbuild keeps import.meta.url as the URL of the chunk the code lands in:
//   every chunk sits in dist/bundle/, two levels below the package root like src/read/*.ts.
// - The worker is a second, self-contained build emitted beside the chunks, where WORKER_URL points.
//   Sharing chunks with it would split the main build's chunks further, and a worker loads its own
//   copy of every module anyway.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const BUNDLED_PACKAGES = new Set(["cac"]);

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = fileURLToPath(new URL("../dist/bundle/", import.meta.url));

/** Bare imports (packages and `node:` built-ins) stay imports, except BUNDLED_PACKAGES. */
const externals = {
  name: "externals",
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === "entry-point" || BUNDLED_PACKAGES.has(args.path)
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  sourcemap: true,
  plugins: [externals],
  logLevel: "warning",
};

rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: ["src/cli/main.ts"],
    outdir,
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    splitting: true,
  }),
  build({ ...common, entryPoints: ["src/cli/commands/read-input-worker.ts"], outdir }),
  // The server's verification threads (src/jobs/verify-pool.ts looks for ./verify-worker.js).
  build({ ...common, entryPoints: ["src/jobs/verify-worker.ts"], outdir }),
]);
