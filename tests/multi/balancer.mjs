#!/usr/bin/env node
// The load balancer of `npm run test:multi`: what nginx or HAProxy does in front of several
// Parley servers, reduced to what the test needs. Requests go to the app servers in turn (no
// sticky sessions), with X-Forwarded-For appended (the servers run with
// PARLEY_TRUSTED_PROXIES=1) and the Host header passed on as it came. A test may pin a request to
// one server with the header `x-parley-backend: <name>` (removed before forwarding); every
// answer says which server gave it in `x-parley-served-by`.
//
// Usage: MULTI_BACKENDS="a=127.0.0.1:3341,b=127.0.0.1:3342" node tests/multi/balancer.mjs <port>
import { createServer, request } from "node:http";

export const BACKEND_HEADER = "x-parley-backend";
export const SERVED_BY_HEADER = "x-parley-served-by";

const port = Number(process.argv[2]);
const backends = (process.env.MULTI_BACKENDS ?? "")
  .split(",")
  .filter(Boolean)
  .map((item) => {
    const [name, address] = item.split("=");
    const [host, backendPort] = address.split(":");
    return { name, host, port: Number(backendPort) };
  });
if (!port || backends.length === 0) {
  console.error('balancer: usage MULTI_BACKENDS="a=127.0.0.1:3341,b=127.0.0.1:3342" node tests/multi/balancer.mjs <port>');
  process.exit(2);
}

// A new connection to the app server for every request: a kept-alive socket that the server
// closes at its keep-alive timeout just as a request is sent on it ends in "socket hang up" (a
// 502 here), which real balancers retry and this one need not.
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"];
let turn = 0;

createServer((req, res) => {
  const pinned = req.headers[BACKEND_HEADER];
  const backend = backends.find((b) => b.name === pinned) ?? backends[turn++ % backends.length];
  const headers = { ...req.headers };
  for (const name of [BACKEND_HEADER, ...HOP_BY_HOP]) delete headers[name];
  const peer = req.socket.remoteAddress ?? "";
  headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${peer}` : peer;
  headers["x-forwarded-proto"] = "http";
  const upstream = request({ host: backend.host, port: backend.port, method: req.method, path: req.url, headers, agent: false }, (answer) => {
    const answerHeaders = { ...answer.headers };
    for (const name of HOP_BY_HOP) delete answerHeaders[name];
    res.writeHead(answer.statusCode ?? 502, { ...answerHeaders, [SERVED_BY_HEADER]: backend.name });
    answer.pipe(res);
  });
  upstream.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain", [SERVED_BY_HEADER]: backend.name });
    res.end(`balancer: ${backend.name} did not answer (${error.message})`);
  });
  req.pipe(upstream);
}).listen(port, "127.0.0.1", () => console.log(`balancer on http://127.0.0.1:${port} -> ${backends.map((b) => `${b.name}=${b.host}:${b.port}`).join(", ")}`));
