// npm postinstall: builds the embedded database (FerretDB v1.24.2) into ./bin/ferretdb
// when Go is available. Never fails the install: without Go it says what to do.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  FERRETDB_VERSION,
  ferretdbBinary,
  hasFerretdb,
  missingFerretdbMessage,
  projectRoot,
  sqliteNotice,
} from "./lib/embedded-db.mjs";
import { findPostgres } from "./lib/postgres.mjs";

const MODULE = "github.com/FerretDB/FerretDB";

function findGo() {
  // FLOWDOWN_GO names the go binary to use; set to "none" it plays a machine without Go
  if (process.env.FLOWDOWN_GO) return process.env.FLOWDOWN_GO === "none" ? null : process.env.FLOWDOWN_GO;
  const candidates = ["go", "/usr/local/go/bin/go", path.join(os.homedir(), "go", "bin", "go"), "/usr/lib/go/bin/go"];
  for (const go of candidates) {
    const out = spawnSync(go, ["version"], { encoding: "utf8" });
    if (out.status === 0) return go;
  }
  return null;
}

function run(go, args, env, cwd) {
  return spawnSync(go, args, {
    cwd,
    env: { ...process.env, GOFLAGS: "-mod=mod", ...env },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
}

/**
 * FerretDB's release binaries read their version from build/version/version.txt,
 * which its own build tooling generates and the module zip leaves out; a plain
 * `go install` therefore builds a binary that panics at start. We build the same
 * module source from the Go module proxy, with that one file written.
 */
function build(go, extraEnv) {
  const dl = run(go, ["mod", "download", "-json", `${MODULE}@${FERRETDB_VERSION}`], extraEnv, projectRoot);
  if (dl.status !== 0) return { ok: false, log: dl.stdout + dl.stderr };
  const dir = JSON.parse(dl.stdout).Dir;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-ferretdb-"));
  try {
    fs.cpSync(dir, work, { recursive: true });
    spawnSync("chmod", ["-R", "u+w", work]);
    fs.writeFileSync(path.join(work, "build", "version", "version.txt"), `${FERRETDB_VERSION}\n`);
    fs.mkdirSync(path.dirname(ferretdbBinary), { recursive: true });
    const b = run(
      go,
      ["build", "-buildvcs=false", "-trimpath", "-o", ferretdbBinary, "./cmd/ferretdb"],
      extraEnv,
      work,
    );
    return { ok: b.status === 0, log: b.stdout + b.stderr };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  if (hasFerretdb()) {
    console.log(`flowdown: embedded database FerretDB ${FERRETDB_VERSION} already built (bin/ferretdb).`);
    return;
  }
  const go = findGo();
  if (!go) {
    console.warn(`flowdown: Go was not found, so the embedded database was not built.\n${missingFerretdbMessage}`);
    return;
  }
  console.log(
    `flowdown: building the embedded database (FerretDB ${FERRETDB_VERSION}) with ${go}; the first build takes a minute or two...`,
  );
  let result = build(go, {});
  if (!result.ok) {
    console.warn(
      "flowdown: build failed with the installed Go; retrying with GOTOOLCHAIN=go1.24.3 (the Go it was released with).",
    );
    result = build(go, { GOTOOLCHAIN: "go1.24.3" });
  }
  if (result.ok && hasFerretdb()) {
    console.log("flowdown: embedded database ready in bin/ferretdb.");
  } else {
    const logPath = path.join(projectRoot, "bin", "ferretdb-build.log");
    fs.mkdirSync(path.dirname(logPath), { recursive: true });
    fs.writeFileSync(logPath, result.log);
    console.warn(
      `flowdown: the embedded database could not be built; the build log is in ${logPath}.\n${missingFerretdbMessage}`,
    );
  }
}

/** Says which backend the embedded database will use, so a missing PostgreSQL is noticed at install time. */
function reportPostgres() {
  if (process.env.MONGODB_URI) return;
  const pg = findPostgres();
  if (pg)
    console.log(`flowdown: PostgreSQL ${pg.major} found in ${pg.binDir}; the embedded database keeps its data in it.`);
  else console.warn(`flowdown: PostgreSQL was not found.\n${sqliteNotice}`);
}

main();
reportPostgres();
