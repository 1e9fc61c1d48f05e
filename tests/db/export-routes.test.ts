// The export routes as a browser reaches them: a download with the file's type and name, read
// access checked as pages check it, 404 for an unknown negotiation, 400 for a malformed day.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { useFreshDatabase } from "../support/db";
import { request } from "../support/next-request";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { importEntriesCsv } from "@/server/exchange/import";
import { ENTRY_COLUMNS } from "@/lib/exchange/csv";
import { GET as entriesCsv } from "@/app/negotiations/[slug]/export/entries.csv/route";
import { GET as entriesJson } from "@/app/negotiations/[slug]/export/entries.json/route";
import { GET as matrixCsv } from "@/app/negotiations/[slug]/export/matrix.csv/route";
import { GET as matrixJson } from "@/app/negotiations/[slug]/export/matrix.json/route";
import { GET as negotiationJson } from "@/app/negotiations/[slug]/export.json/route";

const call = (handler: typeof entriesCsv, slug: string, path: string) =>
  handler(new Request(`http://127.0.0.1:3000/negotiations/${slug}${path}`), { params: Promise.resolve({ slug }) });

beforeAll(async () => {
  useFreshDatabase();
  process.env.BETTER_AUTH_SECRET ??= "test-secret-for-export-routes-0123456789";
  request.headers = new Headers({ host: "127.0.0.1:3000" });
  const rows = [
    ENTRY_COLUMNS.join(","),
    "2024-05-01,Alpha,Water,demands,,=HYPERLINK(1),,,Report,Wire,https://example.org/1,2024-05-01,en",
    "2024-06-01,Alpha,Water,accepts,,Agrees,,,Report 2,Wire,https://example.org/2,2024-06-01,en",
  ];
  const result = await importEntriesCsv(rows.join("\n"), { slug: "talks", createMissing: true, actor: "test" });
  expect(result.problems).toEqual([]);
});
afterEach(() => {
  delete process.env.PARLEY_PUBLIC_READ;
});

describe("export routes", () => {
  it("entries.csv: a UTF-8 CSV download with BOM, formula-like cells neutralised", async () => {
    const response = await call(entriesCsv, "talks", "/export/entries.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="talks-entries.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(",'=HYPERLINK(1),");
  });
  it("matrix.csv and .json follow ?asOf through the as-of rule", async () => {
    const may = await (await call(matrixJson, "talks", "/export/matrix.json?asOf=2024-05-15")).json();
    expect(may).toEqual([expect.objectContaining({ issue: "Water", party: "Alpha", stance: "demands", stated_on: "2024-05-01" })]);
    const june = await (await call(matrixCsv, "talks", "/export/matrix.csv?asOf=2024-06-15")).text();
    expect(june.split("\r\n")[1]).toBe("Water,Alpha,accepts,,2024-06-01,Agrees,Report 2,https://example.org/2");
    const april = await (await call(matrixJson, "talks", "/export/matrix.json?asOf=2024-04-01")).json();
    expect(april).toEqual([]);
  });
  it("entries.json and export.json", async () => {
    const entries = await (await call(entriesJson, "talks", "/export/entries.json")).json();
    expect(entries).toHaveLength(2);
    expect(entries[0].parties).toEqual(["Alpha"]);
    const file = await (await call(negotiationJson, "talks", "/export.json")).json();
    expect(file).toMatchObject({ format: "parley-negotiation", version: 1, negotiation: { slug: "talks" } });
  });
  it("a malformed as-of day is a 400 that names it; an unknown negotiation a 404", async () => {
    const bad = await call(matrixCsv, "talks", "/export/matrix.csv?asOf=2024-02-30");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("2024-02-30");
    for (const handler of [entriesCsv, entriesJson, matrixCsv, matrixJson, negotiationJson]) {
      expect((await call(handler, "nope", "/export/x")).status).toBe(404);
    }
  });
  it("with public reading off, an anonymous request is sent to sign in", async () => {
    process.env.PARLEY_PUBLIC_READ = "off";
    // proxy.ts hands every request's path to the read check, as here.
    request.headers = new Headers({ host: "127.0.0.1:3000", [REQUEST_PATH_HEADER]: "/negotiations/talks/export/entries.csv" });
    const error = await call(entriesCsv, "talks", "/export/entries.csv").catch((e) => e);
    expect(String(error.digest)).toContain(`/sign-in?next=${encodeURIComponent("/negotiations/talks/export/entries.csv")}`);
  });
});
