// Renders media/icon.png (128x128) from the SVG below with the system Chromium. Run by hand when
// the icon changes: `node scripts/make-icon.mjs`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#3572a5"/>
      <stop offset="1" stop-color="#1e3f66"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <path d="M30 40 h44 a10 10 0 0 1 10 10 v22 a10 10 0 0 1 -10 10 h-20 l-14 12 v-12 h-10 a10 10 0 0 1 -10 -10 v-22 a10 10 0 0 1 10 -10z"
        fill="#ffffff" opacity="0.95"/>
  <text x="52" y="74" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="34" text-anchor="middle" fill="#1e3f66">?</text>
  <circle cx="96" cy="36" r="14" fill="#ffd43b"/>
  <text x="96" y="42" font-family="DejaVu Sans Mono, monospace" font-weight="bold" font-size="16" text-anchor="middle" fill="#1e3f66">py</text>
</svg>`;

const profile = mkdtempSync(join(tmpdir(), "pyiq-icon-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.PYIQ_CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  viewport: { width: 128, height: 128 },
});
const page = await context.newPage();
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator("svg").screenshot({ path: "media/icon.png", omitBackground: true });
await context.close();
rmSync(profile, { recursive: true, force: true });
