// The import routes' stream format (lib/exchange/import-events.ts): events split across chunks,
// the progress cadence, and the uploaded file's checks that both import pages share.
import { describe, expect, it } from "vitest";
import { createdLines, decodeEvents, encodeEvent, progressStep, readImportFile, type ImportEvent } from "@/lib/exchange/import-events";
import { FILE_TOO_LARGE, MAX_IMPORT_FILE_BYTES } from "@/lib/exchange/limits";

describe("import events", () => {
  it("decode events however the stream was cut into chunks", () => {
    const events: ImportEvent[] = [
      { type: "progress", done: 1, total: 3 },
      { type: "progress", done: 3, total: 3 },
      { type: "refused", formError: "Nothing was saved: “quoted” \n text" },
    ];
    const text = events.map(encodeEvent).join("");
    for (let cut = 0; cut <= text.length; cut++) {
      const first = decodeEvents(text.slice(0, cut));
      const second = decodeEvents(first.rest + text.slice(cut));
      expect([...first.events, ...second.events]).toEqual(events);
      expect(second.rest).toBe("");
    }
  });

  it("skip lines that are not events", () => {
    expect(decodeEvents('not json\n{"no":"type"}\n\n{"type":"progress","done":1,"total":1}\n').events).toEqual([{ type: "progress", done: 1, total: 1 }]);
  });

  it("report about a hundred times, at least every row", () => {
    expect(progressStep(1)).toBe(1);
    expect(progressStep(99)).toBe(1);
    expect(progressStep(250)).toBe(3);
    expect(progressStep(2000)).toBe(20);
    expect(progressStep(10_000)).toBe(100);
  });
});

describe("readImportFile", () => {
  it("gives the text of a UTF-8 file", async () => {
    expect(await readImportFile(new File(["a,b\nç,ж"], "x.csv"), "csv")).toEqual({ text: "a,b\nç,ж" });
  });
  it("refuses a missing, empty, text-field, oversized or non-UTF-8 file with the field's message", async () => {
    expect(await readImportFile(null, "csv")).toEqual({ error: expect.stringMatching(/Choose a CSV file/) });
    expect(await readImportFile("a,b", "json")).toEqual({ error: expect.stringMatching(/negotiation file/) });
    expect(await readImportFile(new File([], "x.csv"), "csv")).toEqual({ error: expect.stringMatching(/Choose a CSV file/) });
    expect(await readImportFile(new File([new Uint8Array(MAX_IMPORT_FILE_BYTES + 1)], "x.csv"), "csv")).toEqual({ error: FILE_TOO_LARGE });
    expect(await readImportFile(new File([new Uint8Array([0xff, 0xfe, 0x41])], "x.json"), "json")).toEqual({ error: expect.stringMatching(/not UTF-8/) });
  });
});

describe("what an import created, counted in words (issue 11, item 7: “1 revision”, not “1 revisions”)", () => {
  it("uses the singular for one, the plural otherwise, and names the parties and issues", () => {
    expect(createdLines({ negotiation: null, parties: ["Hamas"], issues: [], sources: 1, entries: 1 })).toEqual(["1 position entry", "1 source", "1 party: Hamas", "0 issues"]);
    expect(createdLines({ negotiation: "x", parties: ["Hamas", "Israel"], issues: ["Rafah crossing"], sources: 39, entries: 1830 })).toEqual([
      "1,830 position entries",
      "39 sources",
      "2 parties: Hamas, Israel",
      "1 issue: Rafah crossing",
    ]);
  });
});
