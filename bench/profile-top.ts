// `npx tsx bench/profile-top.ts <file.cpuprofile | dir> [count]`: the functions with the most self
// time in a V8 CPU profile (BENCH_CPU_PROF=<dir> npm run bench:dashboard writes one per server
// process), and the self time per package or app folder. For reading where a run's time went.
import fs from "node:fs";
import path from "node:path";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [target, countArg] = process.argv.slice(2);
if (!target) throw new Error("usage: tsx bench/profile-top.ts <file.cpuprofile | dir> [count]");
const count = Number(countArg ?? 25);
const files = fs.statSync(target).isDirectory()
  ? fs
      .readdirSync(target)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => path.join(target, f))
  : [target];

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = shortUrl(url);
    const fn = `${functionName || "(anonymous)"} ${where ? `${where}:${lineNumber + 1}` : ""}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byPlace.set(placeOf(url, functionName), (byPlace.get(placeOf(url, functionName)) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
      );
  console.log(`${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled`);
  console.log("by package or folder (self time):");
  console.log(top(byPlace, 15).join("\n"));
  console.log(`top ${count} functions (self time):`);
  console.log(top(byFunction, count).join("\n"));
  console.log("");
}

function shortUrl(url: string): string {
  const u = url.replace(/^file:\/\//, "");
  const nm = u.lastIndexOf("node_modules/");
  if (nm >= 0) return u.slice(nm + "node_modules/".length);
  const root = process.cwd() + path.sep;
  return u.startsWith(root) ? u.slice(root.length) : u;
}

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const u = shortUrl(url);
  if (u.startsWith("node:")) return "node internals";
  const parts = u.split("/");
  if (url.includes("node_modules/")) return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  return parts.slice(0, 2).join("/");
}
