// Validation for every form, shared by the server actions (the check that counts) and the
// form components (field limits). Messages are written for the person at the form.
import { z } from "zod";
import { FIRMNESS, PARTY_ROLES, STANCES } from "./vocabulary";
import { CHANGE_TYPES } from "./change";
import { recordableDayMessage } from "./day";
import { overLimitMessage } from "./text-length";
import { RESERVED_SLUGS, SLUG_PATTERN } from "./slug";
import { BIDI_CONTROL, LONE_SURROGATE, hasVisibleText } from "./unicode";
import { parsePositive32, parseVersion } from "./form";
import { PARTY_PALETTE } from "./colour";

export { hasVisibleText };

// C0 control characters other than tab, line feed and carriage return have no place in text
// a person typed; they would also break rendering and exports.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n]/;
/**
 * Text rules shared by every field: length, no control characters, no broken characters, not
 * made only of invisible characters; one line unless `multiline`; no direction controls in
 * one-line text or where `names` says the text is names.
 */
function text(label: string, max: number, opts: { multiline?: boolean; names?: boolean; missing?: string } = {}) {
  const noBidi = !opts.multiline || opts.names;
  return z
    .string({ error: (issue) => (issue.input === undefined && opts.missing) || `${label} must be text.` })
    .trim()
    // Counted as the form's live count counts (lib/text-length.ts); a browser never truncates.
    .superRefine((v, ctx) => {
      const message = overLimitMessage(label, v, max);
      if (message) ctx.addIssue({ code: "custom", message });
    })
    .refine((v) => !CONTROL.test(v), `${label} contains control characters; remove them.`)
    .refine((v) => !LONE_SURROGATE.test(v), `${label} contains a broken character (half of a surrogate pair); type or paste it again.`)
    .refine(
      (v) => !noBidi || !BIDI_CONTROL.test(v),
      `${label} contains invisible direction-control characters (U+202A–U+202E, U+2066–U+2069), which can disguise text; remove them.`,
    )
    .refine((v) => hasVisibleText(v), `${label} must contain visible characters, not only spaces or invisible ones.`)
    .refine((v) => opts.multiline || !LINE_BREAK.test(v), `${label} must be on one line.`);
}

function required(label: string, max: number, message: string, opts: { multiline?: boolean } = {}) {
  return text(label, max, { ...opts, missing: message }).refine((v) => v.length > 0, message);
}

/** A form's optional text: absent counts as empty. */
function optional(label: string, max: number, opts: { multiline?: boolean; names?: boolean } = {}) {
  return text(label, max, opts).optional().transform((v) => v ?? "");
}

/** A list of names, one per line (commas also separate): Party.aliases, Issue.keywords. */
function namesPerLine(label: string, max: number) {
  return optional(label, max, { multiline: true, names: true }).transform((v) =>
    v
      .split(/\r?\n|,/)
      .map((a) => a.trim())
      .filter(Boolean)
      .join("\n"),
  );
}

const id = (label: string) =>
  z
    .string({ error: `Choose ${label}.` })
    .trim()
    .refine((v) => parsePositive32(v) !== null, `Choose ${label}.`)
    .transform(Number);

// A statement or publication day: a real date from 1900-01-01 up to today, checked when the
// form is parsed (lib/day.ts reads the clock; docs/decisions/010). Empty means "not given".
const day = (label: string) =>
  z
    .string({ error: `${label} must be a date.` })
    .trim()
    .superRefine((v, ctx) => {
      const message = v === "" ? null : recordableDayMessage(label, v);
      if (message) ctx.addIssue({ code: "custom", message });
    });

const optionalDay = (label: string) =>
  day(label)
    .optional()
    .transform((v) => (v ? v : null));

const version = z
  .string({ error: "The form is missing its version; reload the page." })
  .regex(/^[1-9]\d{0,9}$/, "The form is missing its version; reload the page.")
  .transform(parseVersion);

function oneOf<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

export const LIMITS = {
  title: 200,
  name: 120,
  shortName: 40,
  description: 5000,
  aliases: 1000,
  keywords: 2000,
  url: 2000,
  sourceText: 200_000,
  summary: 1000,
  quote: 2000,
  notes: 5000,
  language: 20,
} as const;

/** A person's display name (accounts): the same rules as any one-line name. */
export const personName = required("Name", 120, "Enter a name.");

export const negotiationSchema = z.object({
  title: required("Title", LIMITS.title, "Enter a title."),
  slug: optional("Short name in the address", 60)
    .refine((v) => v === "" || SLUG_PATTERN.test(v), "Use lowercase letters, digits and single dashes (e.g. climate-cop29).")
    .refine((v) => !RESERVED_SLUGS.includes(v), "This short name is taken by one of Parley's own pages; choose another."),
  description: optional("Description", LIMITS.description, { multiline: true }),
});

export const partySchema = z.object({
  name: required("Name", LIMITS.name, "Enter the party's name."),
  shortName: optional("Short name", LIMITS.shortName),
  aliases: namesPerLine("Other names", LIMITS.aliases),
  role: oneOf(PARTY_ROLES, "Choose a role: party, mediator or observer."),
  colour: z
    .string({ error: "Choose a colour." })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour (#rrggbb).")
    .transform((v) => v.toLowerCase()),
  order: z
    .string({ error: "Order must be a whole number." })
    .trim()
    .regex(/^-?\d{1,4}$/, "Order must be a whole number between -9999 and 9999.")
    .transform(Number),
  // The party's side (docs/decisions/027-sides.md): "" is none; absent leaves it as it is.
  sideId: z
    .string({ error: "Choose a side." })
    .trim()
    .refine((v) => v === "" || parsePositive32(v) !== null, "Choose a side from the list.")
    .transform((v) => (v === "" ? null : Number(v)))
    .optional(),
});

/** A side: a name and a colour from the fixed party palette (lib/colour.ts), never free hex. */
export const sideSchema = z.object({
  name: required("Name", LIMITS.name, "Enter the side's name."),
  colour: z
    .string({ error: "Choose a colour." })
    .trim()
    .transform((v) => v.toLowerCase())
    .refine((v) => PARTY_PALETTE.some((p) => p.colour === v), "Choose one of the listed colours."),
});

export const issueSchema = z.object({
  name: required("Name", LIMITS.name, "Enter the issue's name."),
  description: optional("Description", LIMITS.description, { multiline: true }),
  // Words reports use for the issue (issue 12: the suggestion readers look for them).
  keywords: namesPerLine("Words reports use", LIMITS.keywords),
  order: partySchema.shape.order,
});

// A report without a headline is saved without a title (null) and named "outlet, date"
// (lib/source-label.ts); it needs a title or an outlet, or nothing would name it.
const sourceFields = z.object({
  title: optional("Title", LIMITS.title).transform((v) => (v ? v : null)),
  outlet: optional("Outlet", LIMITS.name),
  url: optional("Address (URL)", LIMITS.url).refine((v) => {
    if (v === "") return true;
    try {
      const u = new URL(v);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https:// or http://."),
  publishedOn: optionalDay("Published date"),
  language: text("Language", LIMITS.language)
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Use a language code such as en, ar, fr or pt-BR.")
    .optional()
    .or(z.literal(""))
    .transform((v) => v || "en"),
  text: optional("Text", LIMITS.sourceText, { multiline: true }).transform((v) => (v ? v : null)),
});

const hasTitleOrOutlet = (source: { title: unknown; outlet: unknown }) => Boolean(source.title) || Boolean(source.outlet);
const titleOrOutlet = {
  path: ["title"],
  message: "Enter the report's title, or its outlet if it has no headline.",
  // Checked even when another field is wrong, so every message shows at once.
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null,
};

export const sourceSchema = sourceFields.refine(hasTitleOrOutlet, titleOrOutlet);

export const entrySchema = z.object({
  partyIds: z
    .array(id("a party"), { error: "Choose at least one party." })
    .min(1, "Choose at least one party; tick several for a joint statement.")
    .max(50, "Too many parties.")
    .refine((ids) => new Set(ids).size === ids.length, "A party is listed twice."),
  issueId: id("an issue"),
  sourceId: id("a source"),
  statedOn: optionalDay("Date stated"),
  stance: oneOf(STANCES, "Choose a stance."),
  firmness: z
    .union([z.enum(FIRMNESS), z.literal("")], { error: "Choose red line, firm, flexible or not stated." })
    .optional()
    .transform((v) => (v ? v : null)),
  summary: required("Summary", LIMITS.summary, "Summarise the position in your own words.", { multiline: true }),
  quote: optional("Quote", LIMITS.quote, { multiline: true }),
  notes: optional("Notes", LIMITS.notes, { multiline: true }),
  changeOverride: z
    .union([z.enum(CHANGE_TYPES), z.literal("")], { error: "Choose a change type, or leave it computed." })
    .optional()
    .transform((v) => (v ? v : null)),
});

// A milestone (docs/decisions/028): its day follows the same rule as an entry's date stated, and is
// required; the source is optional ("" = none) and must be one of the negotiation's (checked with
// the database, server/mutations/milestones.ts).
export const milestoneSchema = z.object({
  day: day("Date").refine((v) => v !== "", "Enter the day of the milestone."),
  title: required("Title", LIMITS.title, "Enter a title, e.g. “Talks in Cairo”."),
  sourceId: z
    .string({ error: "Choose a source, or none." })
    .trim()
    .refine((v) => v === "" || parsePositive32(v) !== null, "Choose a source, or none.")
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  note: optional("Note", LIMITS.notes, { multiline: true }),
});

// Edits carry the version the form was loaded with (optimistic locking).
export const negotiationEditSchema = negotiationSchema.extend({ version });
export const partyEditSchema = partySchema.extend({ version });
export const sideEditSchema = sideSchema.extend({ version });
export const issueEditSchema = issueSchema.extend({ version });
export const sourceEditSchema = sourceFields.extend({ version }).refine(hasTitleOrOutlet, titleOrOutlet);
export const entryEditSchema = entrySchema.extend({ version });
export const milestoneEditSchema = milestoneSchema.extend({ version });

export type NegotiationInput = z.output<typeof negotiationSchema>;
export type PartyInput = z.output<typeof partySchema>;
export type SideInput = z.output<typeof sideSchema>;
export type IssueInput = z.output<typeof issueSchema>;
export type SourceInput = z.output<typeof sourceSchema>;
export type EntryInput = z.output<typeof entrySchema>;
export type MilestoneInput = z.output<typeof milestoneSchema>;

/** Field errors in the form's shape: `{ field: [messages] }`. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const flat = z.flattenError(error);
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
    if (v && v.length) out[k] = v;
  }
  if (flat.formErrors.length) out._form = flat.formErrors;
  return out;
}
