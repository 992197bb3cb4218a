// Bundles the extension (Node, CommonJS, `vscode` external) and the quiz page script (browser,
// IIFE) with esbuild. `--production` minifies and drops source maps, as `vsce package` wants.
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: "warning" };

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "dist/extension.js",
    platform: "node",
    format: "cjs",
    target: "node18",
    external: ["vscode"],
  }),
  esbuild.build({
    ...common,
    entryPoints: ["src/webview/main.ts"],
    outfile: "dist/quiz.js",
    platform: "browser",
    format: "iife",
    target: "es2020",
  }),
]);
