// `npm run build` (and the first step of `npm start`, `npm test` and the benchmarks that serve
// the portal): the production build of `remix build`, through the same Remix compiler, except
// that the compiler's esbuild contexts are disposed before the process ends.
//
// Why not `remix build`: it leaves the compiler's three esbuild contexts (browser, server, CSS)
// open and ends with process.exit(0). esbuild's service process (Remix's own esbuild 0.17.6,
// which has no stop()) then sees its stdin close and waits for those contexts forever; when it
// had just sent its once-a-second ping and Node exited without answering it, every goroutine is
// blocked and Go prints "fatal error: all goroutines are asleep - deadlock!" to the terminal
// after the build said "built" (exit code 0). With the contexts disposed, the service ends on
// its own when its stdin closes.
//
// Usage: node scripts/build.mjs [projectDir]   (default: this project). NODE_ENV as for remix
// build: production unless set. Exit code 1, with esbuild's or Remix's message, when it fails.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
/** @remix-run/dev's own modules (version pinned in package.json), as its `build` command uses them */
const remix = (file) => require(`@remix-run/dev/dist/${file}`);
const { readConfig } = remix("config.js");
const { create: createCompiler } = remix("compiler/compiler.js");
const { createFileWatchCache } = remix("compiler/fileWatchCache.js");
const { logThrown } = remix("compiler/utils/log.js");
const { logger } = remix("tux/logger.js");

const args = process.argv.slice(2);
if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
  console.error("Usage: node scripts/build.mjs [projectDir]");
  process.exit(2);
}
const root = path.resolve(args[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
process.env.NODE_ENV ??= "production";
const mode = process.env.NODE_ENV;

const start = Date.now();
logger.info(`building... (NODE_ENV=${mode})`);

let compiler;
try {
  const config = await readConfig(root);
  const options = { mode, sourcemap: false };
  if (mode === "development") {
    // what `remix build` gives a development build: the live-reload origin of `remix dev`
    const port = config.dev?.port ?? 3001;
    options.REMIX_DEV_ORIGIN = new URL(process.env.REMIX_DEV_ORIGIN ?? `http://localhost:${port}`);
  }
  fs.rmSync(config.assetsBuildDirectory, { recursive: true, force: true });
  fs.mkdirSync(config.assetsBuildDirectory, { recursive: true });
  compiler = await createCompiler({ config, options, fileWatchCache: createFileWatchCache(), logger });
  await compiler.compile();
  logger.info(`built (${((Date.now() - start) / 1000).toFixed(1)}s)`);
} catch (thrown) {
  logThrown(thrown);
  process.exitCode = 1;
} finally {
  // a failed compile has already cancelled the other builds; dispose waits for them to end
  await compiler?.dispose();
}
process.exit();
