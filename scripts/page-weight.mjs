#!/usr/bin/env node
// Page weight of Parley pages, as a browser gets them: the HTML document's bytes, and the
// same bytes gzip-compressed (zlib level 6, what `next start` sends with Accept-Encoding: gzip).
//   node scripts/page-weight.mjs http://127.0.0.1:3000/negotiations/gaza-ceasefire-2024 [more URLs]
import { gzipSync } from "node:zlib";

for (const url of process.argv.slice(2)) {
  const started = performance.now();
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const html = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  const gzip = gzipSync(html, { level: 6 }).length;
  console.log(`${response.status} ${url}\n    HTML ${(html.length / 1024).toFixed(1)} kB, gzip ${(gzip / 1024).toFixed(1)} kB, ${ms.toFixed(0)} ms`);
}
