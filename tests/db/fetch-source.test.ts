// "Fetch from URL" end to end inside the server (issue 9, item 3; docs/decisions/015): the real
// fetcher against a local web server on 127.0.0.1 serving pages written for the test, and the
// real server action against a real SQLite file with real sessions. Loopback is reachable only
// because the allow-list names the test server's port.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { fetchSourceAction } from "@/server/actions/sources";
import { FetchRefusal, fetchPage, type Resolver } from "@/server/fetch-page";
import { parseAllowList } from "@/lib/fetch-guard";
import { digest, invoke, setUpWorld, useRequester, type World } from "../support/action-harness";
import { startPageServer } from "../support/page-server";

let server: Awaited<ReturnType<typeof startPageServer>>;
let world: World;
let allow: ReturnType<typeof parseAllowList>;

beforeAll(async () => {
  server = await startPageServer();
  allow = parseAllowList(`127.0.0.1:${server.port}`);
  world = await setUpWorld();
}, 180_000);
afterAll(async () => {
  delete process.env.PARLEY_FETCH_ALLOW;
  await server?.close();
});

async function refusal(url: string, options: Partial<Parameters<typeof fetchPage>[1]> = {}): Promise<string> {
  try {
    await fetchPage(url, { allow, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefusal);
    return (error as Error).message;
  }
  throw new Error(`${url} was fetched`);
}

describe("the fetcher, against a local test server", () => {
  it("reads an article page: title, outlet, day, language, text", async () => {
    const page = await fetchPage(`${server.origin}/harbour-talks`, { allow });
    expect(page.source).toMatchObject({ title: "Harbour talks resume in Valletta", outlet: "The Lantern Courier", publishedOn: "2024-03-14", language: "en-GB" });
    expect(page.source.text).toContain("We will not accept any quota below last year’s catch");
  });

  it("reads gzip-compressed and ISO-8859-1 pages", async () => {
    expect((await fetchPage(`${server.origin}/harbour-talks-gzip`, { allow })).source.title).toBe("Harbour talks resume in Valletta");
    expect((await fetchPage(`${server.origin}/latin1`, { allow })).source.outlet).toBe("Le Café du Port");
  });

  it("reads plain text as it is", async () => {
    expect((await fetchPage(`${server.origin}/notes.txt`, { allow })).source.text).toBe("Briefing notes: the envoy said no quota below last year.");
  });

  it("loopback is refused without the allow-list, and on a port it does not list", async () => {
    expect(await refusal(`${server.origin}/harbour-talks`, { allow: [] })).toMatch(/127\.0\.0\.1 is not on the public internet/);
    expect(await refusal(`http://localhost:${server.port}/harbour-talks`, { allow: [] })).toMatch(/localhost \((127\.0\.0\.1|::1)\) is not on the public internet/);
    expect(await refusal(`http://127.0.0.1:${server.port + 1}/`)).toMatch(/not on the public internet/);
  });

  it("follows a redirect and re-checks it; refuses redirects to private addresses, other ports, other schemes, and loops", async () => {
    const moved = await fetchPage(`${server.origin}/moved`, { allow });
    expect(moved.url).toBe(`${server.origin}/harbour-talks`);
    expect(moved.source.title).toBe("Harbour talks resume in Valletta");
    expect(await refusal(`${server.origin}/to-metadata`)).toMatch(/169\.254\.169\.254 is not on the public internet/);
    expect(await refusal(`${server.origin}/to-other-port`)).toMatch(/not on the public internet/);
    expect(await refusal(`${server.origin}/to-file`)).toMatch(/redirected to file:\/\/\/etc\/passwd/);
    expect(await refusal(`${server.origin}/loop`)).toMatch(/redirected more than 5 times/);
  });

  it("stops a page over the size limit as it streams, and a compressed one once inflated", async () => {
    expect(await refusal(`${server.origin}/huge`)).toMatch(/larger than 2 MB/);
    expect(await refusal(`${server.origin}/gzip-bomb`)).toMatch(/larger than 2 MB/);
  });

  it("gives up at the time limit", async () => {
    const started = Date.now();
    expect(await refusal(`${server.origin}/slow`, { timeoutMs: 1500 })).toMatch(/did not arrive within 2 seconds/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses what is not a page, and error statuses", async () => {
    expect(await refusal(`${server.origin}/report.pdf`)).toMatch(/not a web page \(application\/pdf\)/);
    expect(await refusal(`${server.origin}/missing`)).toMatch(/answered 404/);
    expect(await refusal(`http://127.0.0.1:${server.port}/x`, { allow: parseAllowList("127.0.0.1:1") })).toMatch(/not on the public internet/);
  });

  it("connects to the address it checked: the host is resolved once per hop (no DNS rebinding)", async () => {
    let lookups = 0;
    // A name that DNS cannot resolve: the page arrives only if the connection uses the checked address.
    const resolve: Resolver = async () => {
      lookups++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const page = await fetchPage(`http://news.invalid:${server.port}/host-echo`, { allow, resolve });
    expect(page.source.text).toBe(`Host header: news.invalid:${server.port}`);
    expect(lookups).toBe(1);
  });

  it("a name resolving to a public and a private address is refused", async () => {
    const resolve: Resolver = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    expect(await refusal("https://mixed.example/", { resolve })).toMatch(/mixed\.example \(10\.0\.0\.7\)/);
  });

  it("an unknown host is a message, not an error", async () => {
    expect(await refusal("https://no-such-host.invalid/")).toMatch(/could not find no-such-host\.invalid/);
  });
});

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe("the Fetch from URL action", () => {
  it("fills the form for an editor and saves nothing", async () => {
    process.env.PARLEY_FETCH_ALLOW = `127.0.0.1:${server.port}`;
    useRequester(world, "editor");
    const before = await digest();
    const outcome = await invoke(() =>
      fetchSourceAction(world.main.slug, {}, form({ url: `${server.origin}/moved`, title: "", outlet: "My outlet", language: "en", submissionId: "0f8fad5b-d9cb-469f-a165-70867728950e" })),
    );
    expect(await digest()).toEqual(before);
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    const { state } = outcome;
    expect(state.fieldErrors).toBeUndefined();
    expect(state.values).toMatchObject({
      url: `${server.origin}/harbour-talks`,
      title: "Harbour talks resume in Valletta",
      outlet: "My outlet", // typed: kept
      publishedOn: "2024-03-14",
      language: "en-GB",
      submissionId: "0f8fad5b-d9cb-469f-a165-70867728950e",
    });
    expect(state.values?.text).toContain("joint patrol");
    expect(state.status).toMatch(/Filled Title, Published, Language and Text from the page\. Kept what you had typed in Outlet\./);
    expect(state.status).toMatch(/nothing is saved until then/);
  });

  it("a text longer than a source may hold is filled whole, with a warning, never cut", async () => {
    process.env.PARLEY_FETCH_ALLOW = `127.0.0.1:${server.port}`;
    useRequester(world, "editor");
    const outcome = await invoke(() => fetchSourceAction(world.main.slug, {}, form({ url: `${server.origin}/long-article` })));
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(String(outcome.state.values?.text).length).toBeGreaterThan(200_000);
    expect(outcome.state.status).toMatch(/longer than a source's text may be \(200,000 characters\)/);
  });

  it("a refused address is a message by the URL field with what was typed kept", async () => {
    delete process.env.PARLEY_FETCH_ALLOW;
    useRequester(world, "editor");
    const before = await digest();
    const typed = { url: `${server.origin}/harbour-talks`, title: "Draft title", language: "en" };
    const outcome = await invoke(() => fetchSourceAction(world.main.slug, {}, form(typed)));
    expect(outcome).toEqual({
      kind: "state",
      state: { fieldErrors: { url: [expect.stringMatching(/127\.0\.0\.1 is not on the public internet/)] }, values: typed },
    });
    expect(await digest()).toEqual(before);
  });

  it("viewers and anonymous visitors cannot make the server fetch", async () => {
    process.env.PARLEY_FETCH_ALLOW = `127.0.0.1:${server.port}`;
    for (const who of ["viewer", "anonymous", "cross-origin"] as const) {
      useRequester(world, who);
      const outcome = await invoke(() => fetchSourceAction(world.main.slug, {}, form({ url: `${server.origin}/harbour-talks` })));
      expect(outcome.kind === "state" && outcome.state.formError).toMatch(/nothing was saved|Nothing was saved/i);
      expect(outcome.kind === "state" && outcome.state.values?.title).toBeFalsy();
    }
  });

  it("an unknown negotiation or a non-form is a message, not a 500", async () => {
    useRequester(world, "editor");
    const unknown = await invoke(() => fetchSourceAction("no-such-talks", {}, form({ url: `${server.origin}/harbour-talks` })));
    expect(unknown.kind === "state" && unknown.state.formError).toMatch(/no longer exists/);
    const junk = await invoke(() => fetchSourceAction(world.main.slug, {}, "junk" as unknown as FormData));
    expect(junk.kind === "state" && junk.state.fieldErrors?.url?.[0]).toMatch(/Paste the page's address/);
  });
});
