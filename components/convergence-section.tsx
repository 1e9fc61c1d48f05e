// The convergence chart as its own streamed part of a page. Its series takes one sweep over the
// negotiation's entries after each change (seconds at 50,000 entries, decision 029), so the page
// around it (the matrix, the gap table) does not wait for it: it arrives in the same response
// when ready, with a short line in its place until then.
import { Suspense } from "react";
import { convergenceChart } from "@/lib/convergence";
import { getConvergence } from "@/server/queries/convergence";
import { ConvergenceChartView } from "./convergence-chart";

type Props = {
  negotiationId: number;
  asOf: string;
  matrixHref: string;
  milestones: ReadonlyArray<{ day: string; title: string }>;
  id: string;
  compact?: boolean;
};

async function ConvergenceChartLoaded({ negotiationId, asOf, matrixHref, milestones, id, compact = false }: Props) {
  const series = await getConvergence(negotiationId);
  return <ConvergenceChartView chart={convergenceChart(series, { asOf, matrixHref, milestones, compact })} id={id} compact={compact} />;
}

export function ConvergenceSection(props: Props) {
  return (
    <Suspense fallback={<p className="muted small convergence-pending">Counting opposed, open and compatible issues over time…</p>}>
      <ConvergenceChartLoaded {...props} />
    </Suspense>
  );
}
