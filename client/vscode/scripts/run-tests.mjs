// Runs the tests with node's built-in runner. Each suite (`unit`, `browser`) is a folder under
// test/ of *.test.ts files; esbuild compiles them to out/ first (no ts loader needed at run
// time), keeping packages external so Playwright and friends load from node_modules. Each suite
// compiles to its own out/<suite>/ so suites can run at the same time (pytest-xdist does that).
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";

const suites = process.argv.slice(2);
if (suites.length === 0) suites.push("unit");
const files = [];
for (const suite of suites) {
  rmSync(join("out", suite), { recursive: true, force: true });
  const dir = join("test", suite);
  const entries = readdirSync(dir).filter((name) => name.endsWith(".test.ts"));
  await esbuild.build({
    entryPoints: entries.map((name) => join(dir, name)),
    outdir: join("out", suite),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "inline",
    packages: "external",
    logLevel: "warning",
  });
  files.push(...entries.map((name) => join("out", suite, name.replace(/\.ts$/, ".js"))));
}
const result = spawnSync(process.execPath, ["--enable-source-maps", "--test", "--test-reporter=spec", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
