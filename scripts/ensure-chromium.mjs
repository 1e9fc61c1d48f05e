#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (Playwright's own download does not work here).
// On a fresh Debian machine, install it when we can (root); otherwise say what to do.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (existsSync("/usr/bin/chromium")) process.exit(0);
if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("Installing Debian's chromium for the end-to-end tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  process.exit(0);
}
console.error("The end-to-end tests need Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium` (Debian/Ubuntu).");
process.exit(1);
