// The browser's import action on a real database with real sessions: only a same-origin editor
// or admin imports; anyone else gets the refusal and nothing changes; a bad file is refused by
// the field; a dry run writes nothing; the import writes everything.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { importEntriesAction } from "@/server/actions/import";
import { ENTRY_COLUMNS } from "@/lib/exchange/csv";
import { digest, setUpWorld, useRequester, type World } from "../support/action-harness";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 300_000);

const csv = (rows: string[]) => new File([[ENTRY_COLUMNS.join(","), ...rows].join("\n")], "entries.csv", { type: "text/csv" });
const GOOD = "2024-08-25,Hamas,Philadelphi corridor,rejects,firm,Imported position,,,Imported report,Wire,https://example.org/imported,2024-08-25,en";
const form = (file: File | string | null, fields: Record<string, string> = {}) => {
  const data = new FormData();
  if (file !== null) data.set("file", file);
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("import action", () => {
  it("refuses anyone but a same-origin editor, and nothing changes", async () => {
    const before = await digest();
    for (const who of ["viewer", "anonymous", "cross-origin", "tampered-cookie"] as const) {
      useRequester(world, who);
      const state = await importEntriesAction(world.main.slug, {}, form(csv([GOOD])));
      expect(state.formError, who).toMatch(/Nothing was saved|nothing was saved/);
      expect(state.result).toBeUndefined();
    }
    expect(await digest()).toEqual(before);
  });

  it("refuses a missing file, a text field and a file that is not UTF-8 by the field", async () => {
    useRequester(world, "editor");
    for (const file of [null, "2024-01-01,Hamas", new File([new Uint8Array([0xff, 0xfe, 0x00, 0x41])], "x.csv")]) {
      const state = await importEntriesAction(world.main.slug, {}, form(file));
      expect(state.fieldErrors?.file?.[0]).toMatch(/Choose a CSV file|not UTF-8/);
    }
  });

  it("a dry run reports and writes nothing; the import writes the rows", async () => {
    useRequester(world, "editor");
    const before = await digest();
    const dry = await importEntriesAction(world.main.slug, {}, form(csv([GOOD]), { dryRun: "on" }));
    expect(dry.result).toMatchObject({ ok: true, dryRun: true, created: { entries: 1, sources: 1 } });
    expect(await digest()).toEqual(before);
    const broken = await importEntriesAction(world.main.slug, {}, form(csv([GOOD, GOOD.replace("rejects", "shouts")])));
    expect(broken.result).toMatchObject({ ok: false, problems: ["Line 3, stance: Choose a stance."] });
    expect(await digest()).toEqual(before);
    const done = await importEntriesAction(world.main.slug, {}, form(csv([GOOD])));
    expect(done.result).toMatchObject({ ok: true, dryRun: false, created: { entries: 1, sources: 1 } });
    expect(await digest()).not.toEqual(before);
  });

  it("an unknown negotiation is refused as not found", async () => {
    useRequester(world, "editor");
    const state = await importEntriesAction("no-such-negotiation", {}, form(csv([GOOD])));
    expect(state.formError).toMatch(/no longer exists/);
  });
});
