"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createPartyAction, updatePartyAction } from "@/server/actions/parties-and-issues";
import { LIMITS } from "@/lib/schemas";
import { PARTY_ROLE_LABELS, PARTY_ROLES } from "@/lib/vocabulary";
import type { FormValues } from "@/lib/form";
import { ColourWarning } from "./colour-warning";
import { PaletteSwatches } from "./palette-swatches";
import { nextPartyColour } from "@/lib/colour";

export interface PartyFormRecord {
  id: number;
  version: number;
  name: string;
  shortName: string;
  aliases: string;
  role: string;
  colour: string;
  order: number;
  sideId: number | null;
}

export function PartyForm({
  slug,
  party,
  nextOrder = 1,
  submissionId,
  otherParties = [],
  sides = [],
}: {
  slug: string;
  submissionId?: string;
  party?: PartyFormRecord;
  nextOrder?: number;
  /** The negotiation's other parties, to warn about a colour too close to one of theirs. */
  otherParties?: Array<{ name: string; colour: string }>;
  /** The negotiation's live sides, for the "Side" select (docs/decisions/027-sides.md). */
  sides?: Array<{ id: number; name: string }>;
}) {
  // A party whose side is in the trash keeps it (the field is left out, so saving leaves it as it is).
  const sideInTrash = party?.sideId != null && !sides.some((s) => s.id === party.sideId);
  const action = party ? updatePartyAction.bind(null, slug, party.id) : createPartyAction.bind(null, slug);
  const initial: FormValues = party
    ? { ...party, id: String(party.id), version: String(party.version), order: String(party.order), sideId: party.sideId === null ? "" : String(party.sideId) }
    : { role: "party", colour: nextPartyColour(otherParties.map((p) => p.colour)), order: String(nextOrder), submissionId: submissionId ?? "" };
  return (
    <FormShell action={action} initialValues={initial} submitLabel={party ? "Save party" : "Add party"}>
      {party ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
      <div className="form-grid-2">
        <Field name="name" label="Name" required maxLength={LIMITS.name} />
        <Field name="shortName" label="Short name" maxLength={LIMITS.shortName} hint="Shown where space is tight, e.g. “US”." />
      </div>
      <div className="form-grid-2">
        <Field kind="select" name="role" label="Role" required options={PARTY_ROLES.map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r] }))} />
        <Field kind="color" name="colour" label="Colour" hint="Marks the party's column and timeline lane. The palette's colours are colour-blind safe and never read as a stance." />
        <Field kind="number" name="order" label="Order" hint="Columns are sorted by this number." />
      </div>
      <PaletteSwatches />
      <ColourWarning otherParties={otherParties} />
      {sideInTrash ? (
        <p className="small muted">Its side is in the trash, so it counts as without a side until the side is restored.</p>
      ) : sides.length > 0 ? (
        <Field
          kind="select"
          name="sideId"
          label="Side"
          options={[{ value: "", label: "No side (a side of its own)" }, ...sides.map((s) => ({ value: String(s.id), label: s.name }))]}
          hint="Parties of one side are allies: the gap view never opposes them to each other."
        />
      ) : null}
      <Field kind="textarea" name="aliases" label="Other names" rows={2} maxLength={LIMITS.aliases} hint="One per line: short names, demonyms, capitals and leaders a report may use, e.g. “PIJ”, “Israeli officials”, “Jerusalem”, “Netanyahu”. Suggested positions look for them." />
    </FormShell>
  );
}
