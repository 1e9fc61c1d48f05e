/** After a merge (decision 019): what happened, and how to undo it. */
export function MergedNotice({ kind, target }: { kind: "party" | "issue"; target: { name: string } | undefined }) {
  if (!target) return null;
  return (
    <p className="notice" role="status">
      Merged into “<bdi>{target.name}</bdi>”. The merged {kind} is in the trash; restoring it from there undoes the merge.
    </p>
  );
}
