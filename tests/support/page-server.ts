// A small web server on 127.0.0.1 serving pages written for these tests (not copies of real
// articles), for "Fetch from URL" (issue 9, item 3): the database test fetches from it in-process,
// the end-to-end test through the app, started with PARLEY_FETCH_ALLOW=127.0.0.1:<port>.
import http from "node:http";
import zlib from "node:zlib";

/** The page server's port in end-to-end runs (3190-3199 are this test's). */
export const E2E_PAGE_PORT = Number(process.env.E2E_PAGE_PORT ?? 3190);

export const ARTICLE_HTML = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Harbour talks resume in Valletta | The Lantern Courier</title>
  <meta property="og:title" content="Harbour talks resume in Valletta">
  <meta property="og:site_name" content="The Lantern Courier">
  <meta property="article:published_time" content="2024-03-14T23:30:00+03:00">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Harbour talks resume in Valletta</h1>
    <p>Delegations from the Northern League and the Coastal Union met again on Thursday to discuss
    fishing rights in the shared harbour, after three weeks without a meeting.</p>
    <p>“We will not accept any quota below last year’s catch,” the Northern League’s envoy said as she
    arrived, adding that her side was nonetheless ready to talk about a joint patrol.</p>
    <p>The Coastal Union proposed a seasonal closure of the inner harbour and said it would consider
    a shared patrol if the quota question was settled first.</p>
    <p>Mediators from the Island Council said the next round would take place in April, and that both
    delegations had agreed to exchange catch figures before then.</p>
  </article>
  <footer>© The Lantern Courier. All rights reserved.</footer>
</body>
</html>`;

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** The pages the tests ask for, by path. */
export function testPages(port: number): Record<string, Handler> {
  const html = (body: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
    res.end(body);
  };
  return {
    "/harbour-talks": html(ARTICLE_HTML),
    "/harbour-talks-gzip": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
      res.end(zlib.gzipSync(ARTICLE_HTML));
    },
    "/latin1": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(Buffer.from(ARTICLE_HTML.replace('content="The Lantern Courier"', 'content="Le Café du Port"').replace('charset="utf-8"', 'charset="iso-8859-1"').replace(/[“”’©]/g, "'"), "latin1"));
    },
    "/long-article": html(ARTICLE_HTML.replace("</article>", `${"<p>The delegations went through the catch figures line by line, year by year, without agreeing on any of them.</p>".repeat(2500)}</article>`)),
    "/notes.txt": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end("Briefing notes: the envoy said no quota below last year.\n");
    },
    "/moved": (_req, res) => {
      res.writeHead(302, { location: "/harbour-talks" });
      res.end();
    },
    "/loop": (_req, res) => {
      res.writeHead(301, { location: "/loop" });
      res.end();
    },
    "/to-metadata": (_req, res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    },
    "/to-other-port": (_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${port + 1}/harbour-talks` });
      res.end();
    },
    "/to-file": (_req, res) => {
      res.writeHead(302, { location: "file:///etc/passwd" });
      res.end();
    },
    "/report.pdf": (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.4");
    },
    "/huge": (_req, res) => {
      // No Content-Length: only counting the stream can stop it.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = `<p>${"x".repeat(64 * 1024)}</p>`;
      let sent = 0;
      const more = () => {
        while (sent < 3 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        res.end();
      };
      more();
    },
    "/gzip-bomb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024, 32)));
    },
    "/slow": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>Still writing…");
      // Never ends; the client's deadline must.
    },
    "/missing": (_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<p>Not here</p>");
    },
    "/host-echo": (req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`Host header: ${req.headers.host}`);
    },
  };
}

export async function startPageServer(port = 0): Promise<{ port: number; origin: string; close: () => Promise<void> }> {
  let pages: Record<string, Handler> = {};
  const server = http.createServer((req, res) => {
    const handler = pages[new URL(req.url ?? "/", "http://x").pathname];
    if (handler) return handler(req, res);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("no such test page");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  pages = testPages(actual);
  return {
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
