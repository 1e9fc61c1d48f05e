#!/usr/bin/env node
// Serves the built app as `next start` does, plus one thing Next does not hand to route
// handlers: the address of the socket the request came in on. Next copies it into
// X-Forwarded-For only when the client sent no such header, so a client could pose as any
// address to the sign-in throttle. Here every request gets the socket's address in a header
// of our own (any value the client sent under that name is overwritten), and the sign-in
// route works out the client from it and the trusted proxies (lib/client-address.ts,
// docs/decisions/008).
// Usage: node scripts/serve.mjs [-H host] [-p port]
import { createServer } from "node:http";
import next from "next";
import { actionsKeyProblem } from "./build-stamp.mjs";

export const PEER_ADDRESS_HEADER = "x-parley-peer-address";

const args = process.argv.slice(2);
const option = (short, long, fallback) => {
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const hostname = option("-H", "--hostname", undefined); // default: every interface, as next start
const port = Number(option("-p", "--port", process.env.PORT || "3000"));
// The app trusts loopback on its own port when PARLEY_URL is not set (lib/env.ts): tell it which.
process.env.PORT = String(port);

// Tells the app that the peer header is ours (server/client-address.ts); nothing outside this
// process can set it.
globalThis[Symbol.for("parley.peerAddressHeader")] = PEER_ADDRESS_HEADER;

// Several servers share one action key (README, "Running several app servers"): a build made
// under another key would run but fail every form another server sent, so it does not start.
const keyProblem = actionsKeyProblem();
if (keyProblem) {
  console.error(`Parley: ${keyProblem}`);
  process.exit(1);
}

const app = next({ dev: false, hostname: hostname ?? "localhost", port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();
createServer((req, res) => {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Parley is serving on http://${hostname ?? "localhost"}:${port}`);
});
