// Generators for the server-action property tests: the FormData a form (or a hostile client)
// can send, and the bound arguments (`action.bind(null, slug, id)`) that travel back from the
// browser and are just as much under the sender's control.
//
// A generated form is a plan, not FormData: record ids, versions, quotes and source texts are
// references resolved against the database at run time (`Ref`), so the same plan means "a live
// party of this negotiation" whatever ids the earlier runs created.
import fc from "fast-check";
import { CHANGE_TYPES } from "@/lib/change";
import { FIRMNESS, PARTY_ROLES, STANCES } from "@/lib/vocabulary";
import { addDays, daysBetween, EARLIEST_DAY, latestRecordableDay, todayUTC } from "@/lib/day";

/** Live records of main (or only its sources with text), of the other negotiation, main's trash, none. */
export type Pool = "scope" | "scope-text" | "other" | "trashed" | "none";
export type Ref =
  | { ref: "id"; table: "Party" | "Issue" | "Source"; pool: Pool; n: number }
  | { ref: "quote"; style: "exact" | "respaced" | "curly" | "zero-width" | "foreign" | "words"; from: number; len: number }
  | { ref: "version"; delta: number }
  | { ref: "keepText"; extra: string }
  | { ref: "slugOf"; which: "main" | "other" | "trashed" };
export type Val = string | Ref;
export type Field = { k: "missing" } | { k: "one"; v: Val } | { k: "many"; v: Val[] } | { k: "file" };
export interface FormPlan {
  fields: Array<[string, Field]>;
  extras: Array<[string, string]>;
}

// ---------------------------------------------------------------------------------------------
// Strings.

export const WORDS = [
  "Ceasefire",
  "talks",
  "hostages",
  "withdrawal",
  "Rafah",
  "Doha",
  "vote",
  "وقف",
  "إطلاق",
  "النار",
  "שלום",
  "חטופים",
  "😀",
  "👩🏽‍⚕️",
  "🇵🇸",
  "🇮🇱",
  "e\u0301",
  "Zoe\u0308",
  "naïve",
  "中文",
  "日本語",
  "\u202Eevil\u202C",
  "\u200Fמימין\u200E",
  "O'Brien",
  "“quoted”",
  "«guillemets»",
  "a&b<c>",
  "<b>bold</b>",
  "İstanbul",
  "ß",
  "Ω",
  "x\u0336\u0336",
  "Z\u0324\u0354\u0367\u0311a\u0308\u0356\u032d\u0308",
  "tab\there",
  "100%",
  "$ACTION",
  "__proto__",
];

/** Leading and trailing blanks that String.prototype.trim removes (the schemas trim). */
const PAD = fc.constantFrom("", "", "", "", " ", "  ", "\t", "\u00a0", "\n", "\r\n", "\u3000", "\ufeff", "\u2028");

const asciiToken = fc.stringMatching(/^[a-z]{3,8}$/);

/** Plausible text for a field of at most `max` characters (validity is still up to the schema). */
export function textArb(max: number, opts: { multiline?: boolean; words?: number } = {}): fc.Arbitrary<string> {
  const sep = opts.multiline ? fc.constantFrom(" ", " ", "\n", "\r\n", "\n\n", " \t") : fc.constantFrom(" ", " ", "  ", "\t");
  const maxWords = opts.words ?? (max >= 200 ? 10 : max >= 100 ? 6 : 3);
  const words = fc.array(fc.oneof(fc.constantFrom(...WORDS), asciiToken), { minLength: 1, maxLength: maxWords });
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(PAD, words, sep, PAD).map(([a, w, s, b]) => a + w.join(s) + b) },
    // Exactly at the limit, with blanks around it that trimming removes.
    { weight: 1, arbitrary: fc.tuple(PAD, fc.constantFrom("a", "ب", "ж")).map(([p, c]) => p + c.repeat(max) + p) },
  );
}

const CONTROL_CHARS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u000e", "\u001b", "\u001f", "\u007f"];
const ODD_CHARS = [
  ...CONTROL_CHARS,
  "\u0301", // combining acute
  "\u202e", // right-to-left override
  "\u200f",
  "\u200b",
  "\ud83d", // lone surrogates (FormData turns them into U+FFFD)
  "\udc00",
  "\r",
  "\n",
  "\t",
  "ب",
  "😀",
  "a",
  " ",
  "\u00a0",
];
const SPECIAL = [
  "",
  " ",
  "   ",
  "\t",
  "\n",
  "\r\n",
  "\u00a0",
  "\u200b",
  "\u2028",
  "\ufeff",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "true",
  "[]",
  "{}",
  "[object Object]",
  "0",
  "-1",
  "1",
  "01",
  "1.0",
  "1e3",
  "0x1F",
  "2147483647",
  "2147483648",
  "9999999999",
  "99999999999",
  "-9999",
  "10000",
  " 42 ",
  "٣",
  "１",
  "<script>alert(1)</script>",
  "'; DROP TABLE \"Party\"; --",
  "../../etc/passwd",
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "https://",
  "http://[::1]:3000/",
  "file:///etc/passwd",
  "#GGGGGG",
  "#ABCDEF",
  "#abc",
  "2024-02-30",
  "2023-02-29",
  "2024-13-01",
  "0000-00-00",
  "9999-12-31",
  "2024-1-1",
  "20240101",
  "en_US",
  "x-klingon",
  "red_line",
  "RED_LINE",
  "demands",
  "Demands",
  "party",
  "new",
  "gaza-ceasefire-2024",
  "a--b",
  "-a",
  "a-",
];
const LONG_LENGTHS = [41, 61, 121, 201, 1001, 2001, 5001, 200_001];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...ODD_CHARS), maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...CONTROL_CHARS), fc.constantFrom(...WORDS)).map(([a, c, b]) => a + c + b),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...LONG_LENGTHS), fc.constantFrom("a", "é", "😀", " ", "\n", "ب", "\u0301")).map(([n, c]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** Over a field's limit by a little. */
export const overLimit = (max: number) => fc.constantFrom("a".repeat(max + 1), " " + "b".repeat(max + 1) + " ", "x".repeat(max) + "😀");

// ---------------------------------------------------------------------------------------------
// Field values.

// Statement and publication days a form accepts: 1900-01-01 up to today (docs/decisions/010).
const TODAY = todayUTC();
export const dayArb = fc.integer({ min: 0, max: daysBetween(EARLIEST_DAY, TODAY) }).map((n) => addDays(EARLIEST_DAY, n));
export const recentDayArb = fc.oneof(
  dayArb,
  fc.integer({ min: 0, max: daysBetween("2020-01-01", TODAY) }).map((n) => addDays("2020-01-01", n)),
  fc.constantFrom("2024-02-29", "2000-02-29", EARLIEST_DAY, TODAY),
);
/** Days a statement or publication form refuses: not real, before 1900, in the future, or not YYYY-MM-DD. */
export const refusedDayArb = fc.oneof(
  fc.constantFrom("2024-02-30", "2023-02-29", "2024-04-31", "0000-01-15", "1899-12-31", "9999-12-31", "10000-01-01", "25/08/2024", "2024-8-25"),
  fc.integer({ min: 1, max: 4000 }).map((n) => addDays(latestRecordableDay(), n)),
);
export const colourArb = fc
  .tuple(fc.stringMatching(/^[0-9a-f]{6}$/), fc.boolean())
  .map(([hex, upper]) => `${upper ? "#" + hex.toUpperCase() : "#" + hex}`);
export const orderArb = fc
  .tuple(fc.integer({ min: -9999, max: 9999 }), PAD, fc.boolean())
  .map(([n, p, zeros]) => p.replace(/[\n\r\u2028]/g, " ") + (zeros && n >= 0 && n < 100 ? String(n).padStart(4, "0") : String(n)));
export const slugArb: fc.Arbitrary<Val> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 6, arbitrary: fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 }).map((s) => s.join("-")) },
  { weight: 1, arbitrary: fc.constantFrom("new", "a".repeat(60), "a".repeat(61)) },
  { weight: 1, arbitrary: fc.constantFrom("main", "other", "trashed").map((which) => ({ ref: "slugOf", which }) as Ref) },
);
export const urlArb = fc.oneof(
  fc.constant(""),
  fc.constantFrom("https://example.org/a?b=c#d", "http://例え.jp/パス", "https://www.reuters.com/world/middle-east/", "HTTPS://EXAMPLE.ORG"),
  asciiToken.map((t) => `https://example.org/${t}`),
);
export const languageArb = fc.constantFrom("", "en", "ar", "he", "fr", "pt-BR", "zh-Hant-TW", "EN");
export const aliasesArb = fc
  .array(fc.oneof(fc.constantFrom(...WORDS.slice(0, 20)), asciiToken), { maxLength: 5 })
  .chain((names) => fc.constantFrom("\n", ",", ", ", "\r\n", " , \n").map((sep) => names.join(sep)));

export const idRef = (table: "Party" | "Issue" | "Source", pool: Pool = "scope") =>
  fc.nat(1000).map((n) => ({ ref: "id", table, pool, n }) as Ref);
export const foreignIdRef = (table: "Party" | "Issue" | "Source") =>
  fc.tuple(fc.constantFrom<Pool>("other", "trashed", "none"), fc.nat(1000)).map(([pool, n]) => ({ ref: "id", table, pool, n }) as Ref);
export const versionRef: fc.Arbitrary<Val> = fc.oneof(
  { weight: 10, arbitrary: fc.constant({ ref: "version", delta: 0 } as Ref) },
  { weight: 2, arbitrary: fc.constantFrom(-1, 1, -2).map((delta) => ({ ref: "version", delta }) as Ref) },
);
export const quoteRef: fc.Arbitrary<Val> = fc
  .tuple(fc.constantFrom("exact", "exact", "respaced", "curly", "zero-width", "foreign", "words") as fc.Arbitrary<"exact">, fc.nat(400), fc.integer({ min: 1, max: 8 }))
  .map(([style, from, len]) => ({ ref: "quote", style, from, len }) as Ref);

// ---------------------------------------------------------------------------------------------
// Forms.

export interface FieldSpec {
  /** Values the form itself would send. */
  valid: fc.Arbitrary<Val>;
  /** May the field be left out of a valid form? */
  optional?: boolean;
  /** Wrong values specific to the field, besides the generic hostile strings. */
  hostile?: fc.Arbitrary<Val>;
  /** Sent as several values by a valid form (checkboxes). */
  multi?: { min: number; max: number };
}

const one = (v: Val): Field => ({ k: "one", v });

function validField(spec: FieldSpec): fc.Arbitrary<Field> {
  const value: fc.Arbitrary<Field> = spec.multi
    ? fc.array(spec.valid, { minLength: spec.multi.min, maxLength: spec.multi.max }).map((v) => ({ k: "many", v }) as Field)
    : spec.valid.map(one);
  return spec.optional ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant<Field>({ k: "missing" }) }) : value;
}

function hostileField(spec: FieldSpec): fc.Arbitrary<Field> {
  const wrong = spec.hostile ? fc.oneof(hostileString, spec.hostile) : hostileString;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Field>({ k: "missing" }) },
    { weight: 6, arbitrary: wrong.map(one) },
    // The same field twice: the same valid value repeated, or a mix.
    { weight: 2, arbitrary: spec.valid.map((v) => ({ k: "many", v: [v, v] }) as Field) },
    { weight: 2, arbitrary: fc.array(fc.oneof(spec.valid, wrong), { minLength: 2, maxLength: 3 }).map((v) => ({ k: "many", v }) as Field) },
    { weight: 1, arbitrary: fc.constant<Field>({ k: "many", v: [] }) }, // (nothing appended)
    { weight: 1, arbitrary: fc.constant<Field>({ k: "file" }) },
  );
}

const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "isAdmin", "role", "id", "negotiationId", "deletedAt", "version", "$ACTION_ID_0123", "$ACTION_REF_1", "$ACTION_1:0", "0", "", "a[b]", "__proto__[polluted]", "constructor.prototype.polluted"];
const extraArb = fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.oneof(hostileString, fc.constantFrom("1", "yes", "admin", "{\"polluted\":1}")));

/**
 * A form: valid values for every field, then (about half the time) one to three fields swapped
 * for hostile ones, plus (sometimes) keys the form never has, `__proto__` and friends.
 */
export function formArb(specs: Record<string, FieldSpec>): fc.Arbitrary<FormPlan> {
  const names = Object.keys(specs);
  const valid = fc.tuple(...names.map((n) => validField(specs[n]!)));
  const mutations = fc.oneof(
    { weight: 1, arbitrary: fc.constant([] as Array<[string, Field]>) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...names).chain((n) => hostileField(specs[n]!).map((f) => [n, f] as [string, Field])), { minLength: 1, maxLength: 3 }) },
  );
  const extras = fc.oneof({ weight: 3, arbitrary: fc.constant([] as Array<[string, string]>) }, { weight: 1, arbitrary: fc.array(extraArb, { minLength: 1, maxLength: 3 }) });
  return fc.tuple(valid, mutations, extras).map(([fields, muts, extra]) => {
    const out = new Map<string, Field>(names.map((n, i) => [n, fields[i]!]));
    for (const [n, f] of muts) out.set(n, f);
    return { fields: [...out.entries()], extras: extra };
  });
}

/** The entries the form sends, refs resolved; a file stands for any non-text part. */
export type Sent = Array<[string, string | Blob]>;

export function send(plan: FormPlan, resolve: (name: string, ref: Ref) => string): Sent {
  const out: Sent = [];
  const value = (name: string, v: Val) => (typeof v === "string" ? v : resolve(name, v));
  for (const [name, field] of plan.fields) {
    if (field.k === "one") out.push([name, value(name, field.v)]);
    else if (field.k === "many") for (const v of field.v) out.push([name, value(name, v)]);
    else if (field.k === "file") out.push([name, new Blob(["file body"], { type: "text/plain" })]);
  }
  for (const [k, v] of plan.extras) out.push([k, v]);
  return out;
}

export function toFormData(sent: Sent): FormData {
  const fd = new FormData();
  for (const [k, v] of sent) {
    if (typeof v === "string") fd.append(k, v);
    else fd.append(k, v, "upload.txt");
  }
  return fd;
}

/** A lone surrogate becomes U+FFFD, as in any USVString (FormData's names and values). */
export const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/**
 * What the action should see, worked out independently of lib/form.ts: text parts only
 * (lone surrogates become U+FFFD, as FormData stores them), Next's `$ACTION…` keys dropped, a
 * field sent twice kept as a list, array fields always lists.
 */
export function expectedValues(sent: Sent, arrayFields: readonly string[] = []): Record<string, string | string[]> {
  const seen = new Map<string, string[]>();
  for (const [k, v] of sent) {
    const key = wellFormed(k);
    if (key.startsWith("$ACTION")) continue;
    if (!seen.has(key)) seen.set(key, []);
    if (typeof v === "string") seen.get(key)!.push(wellFormed(v));
  }
  const out: Array<[string, string | string[]]> = [];
  for (const [k, list] of seen) {
    if (arrayFields.includes(k)) out.push([k, list]);
    else if (list.length === 1) out.push([k, list[0]!]);
    else if (list.length > 1) out.push([k, list]);
  }
  for (const k of arrayFields) if (!seen.has(k)) out.push([k, []]);
  return Object.fromEntries(out);
}

// ---------------------------------------------------------------------------------------------
// Bound arguments.

export type SlugArg = { slug: "main" | "other" | "trashed" } | { raw: unknown };
export type IdArg = { pool: Pool; n: number; as?: "string" | "array" | "float" } | { raw: unknown };

const RAW_WEIRD: unknown[] = [undefined, null, 0, -1, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, 2 ** 53 + 2, true, "", "abc", {}, [], 5n, { gt: 0 }, { not: 0 }];

export const slugArgArb: fc.Arbitrary<SlugArg> = fc.oneof(
  { weight: 24, arbitrary: fc.constant({ slug: "main" } as SlugArg) },
  { weight: 1, arbitrary: fc.constantFrom<SlugArg>({ slug: "other" }, { slug: "trashed" }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<SlugArg>(
      ...[undefined, null, 42, true, {}, [], ["gaza-ceasefire-2024"], { contains: "" }, { not: "x" }, "", "no-such-talks", "GAZA-CEASEFIRE-2024", " gaza-ceasefire-2024", "__proto__", "constructor", "toString"].map(
        (raw) => ({ raw }) as SlugArg,
      ),
    ),
  },
);

export const idArgArb: fc.Arbitrary<IdArg> = fc.oneof(
  { weight: 24, arbitrary: fc.nat(1000).map((n) => ({ pool: "scope", n }) as IdArg) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom<Pool>("other", "trashed", "none"), fc.nat(1000)).map(([pool, n]) => ({ pool, n }) as IdArg) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("string", "array", "float") as fc.Arbitrary<"string">, fc.nat(1000)).map(([as, n]) => ({ pool: "scope", n, as }) as IdArg) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_WEIRD).map((raw) => ({ raw }) as IdArg) },
);

export { CHANGE_TYPES, FIRMNESS, PARTY_ROLES, STANCES };
