"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createSideAction, updateSideAction } from "@/server/actions/parties-and-issues";
import { LIMITS } from "@/lib/schemas";
import { PARTY_PALETTE } from "@/lib/colour";
import type { FormValues } from "@/lib/form";

export interface SideFormRecord {
  id: number;
  version: number;
  name: string;
  colour: string;
}

/** Create or edit a side: a name and a colour from the fixed palette (docs/decisions/027-sides.md). */
export function SideForm({ slug, side, submissionId, usedColours = [] }: { slug: string; side?: SideFormRecord; submissionId?: string; usedColours?: string[] }) {
  const action = side ? updateSideAction.bind(null, slug, side.id) : createSideAction.bind(null, slug);
  const free = PARTY_PALETTE.find((p) => !usedColours.includes(p.colour))?.colour ?? PARTY_PALETTE[0]!.colour;
  const initial: FormValues = side
    ? { name: side.name, colour: side.colour, version: String(side.version) }
    : { colour: free, submissionId: submissionId ?? "" };
  return (
    <FormShell action={action} initialValues={initial} submitLabel={side ? "Save side" : "Add side"}>
      {side ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
      <div className="form-grid-2">
        <Field name="name" label="Name" required maxLength={LIMITS.name} hint="e.g. “Palestinian factions”." />
        <Field
          kind="select"
          name="colour"
          label="Colour"
          required
          options={PARTY_PALETTE.map((p) => ({ value: p.colour, label: p.name }))}
          hint="Marks the side's columns in the gap view, always beside its name. Colour-blind safe palette."
        />
      </div>
    </FormShell>
  );
}
