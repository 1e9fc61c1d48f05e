// A fake OpenAI-compatible model server on 127.0.0.1 (issue 12, item 3): POST /v1/chat/completions
// answers the way the test asks — a good answer built from the request itself (quotes taken from
// the text it was sent, names from the schema's enums), invented quotes, unknown parties and
// issues, a stance outside the vocabulary, too slow (before the headers, or headers then a body that
// never ends), an answer of 5 MB, HTTP 500, a body that is not JSON, or a completion whose content
// is prose. It records every request, so a test can check the model
// name and the response_format schema Parley sent.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMode =
  | "good"
  | "invented"
  | "unknown-names"
  | "wrong-stance"
  | "slow"
  | "slow-body"
  | "huge"
  | "http-500"
  | "non-json"
  | "prose"
  | "empty";

export type RecordedRequest = {
  method: string;
  path: string;
  authorization: string | null;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format: {
      type: string;
      json_schema: {
        name: string;
        strict: boolean;
        schema: {
          properties: {
            suggestions: {
              items: { properties: { parties: { items: { enum: string[] } }; issue: { enum: string[] }; stance: { enum: string[] }; firmness: unknown } };
            };
          };
        };
      };
    };
  };
};

/** The text a request asked about: the user message between its <<< and >>> lines. */
export function textOf(request: RecordedRequest): string {
  const user = request.body.messages.find((m) => m.role === "user")?.content ?? "";
  const match = /\n<<<\n([\s\S]*)\n>>>$/.exec(user);
  return match ? match[1]! : "";
}

/** The text's sentences, as the fake model reads it. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?”"])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

/** The enums of the schema a request sent: the negotiation's party and issue names. */
export function enumsOf(request: RecordedRequest) {
  const items = request.body.response_format.json_schema.schema.properties.suggestions.items.properties;
  return { parties: items.parties.items.enum, issues: items.issue.enum, stances: items.stance.enum };
}

/** The good answer: two positions on the text's first two sentences, named as the schema allows (the second in capitals). */
export function goodSuggestions(request: RecordedRequest) {
  const [first, second] = sentencesOf(textOf(request));
  const { parties, issues } = enumsOf(request);
  return [
    { parties: [parties[0]], issue: issues[0], stance: "demands", firmness: null, quote: first, confidence: 0.9 },
    { parties: [parties[1] ?? parties[0]].map((p) => p!.toUpperCase()), issue: issues[1] ?? issues[0], stance: "rejects", firmness: "firm", quote: second ?? first, confidence: 0.7 },
  ];
}

function answerFor(mode: FakeMode, request: RecordedRequest): unknown[] {
  const good = goodSuggestions(request);
  switch (mode) {
    case "invented":
      return [good[0], { ...good[1], quote: "The parties agreed to everything on the table and signed at once." }];
    case "unknown-names":
      return [{ ...good[0], parties: ["Atlantis"] }, { ...good[1], issue: "A base on the Moon" }];
    case "wrong-stance":
      return good.map((s) => ({ ...s, stance: "threatens" }));
    case "empty":
      return [];
    default:
      return good;
  }
}

export async function startFakeModelServer(options: { slowMs?: number } = {}) {
  let mode: FakeMode = "good";
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: RecordedRequest["body"];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "bad JSON" } }));
        return;
      }
      const request: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization ?? null, body };
      requests.push(request);
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const send = () => {
        if (mode === "http-500") {
          res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "model crashed" } }));
          return;
        }
        if (mode === "huge") {
          res.writeHead(200, { "content-type": "application/json" }).end(`{"choices":[{"message":{"content":"${"x".repeat(5 * 1024 * 1024)}"}}]}`);
          return;
        }
        if (mode === "slow-body") {
          res.writeHead(200, { "content-type": "application/json" });
          res.write('{"choices":');
          return; // the rest never comes; close() ends the socket
        }
        if (mode === "non-json") {
          res.writeHead(200, { "content-type": "text/html" }).end("<html><body>502 Bad Gateway</body></html>");
          return;
        }
        const content = mode === "prose" ? "Sure! Hamas demands a ceasefire and Israel rejects it." : JSON.stringify({ suggestions: answerFor(mode, request) });
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            id: "chatcmpl-fake",
            object: "chat.completion",
            model: body.model,
            choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
          }),
        );
      };
      if (mode === "slow") {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send();
        }, options.slowMs ?? 5000);
        timers.add(timer);
      } else send();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    /** The base URL to configure (PARLEY_SUGGEST_MODEL_URL). */
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode(next: FakeMode) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
