import type { SearchValue } from "@/lib/search-params";
import { MergePage } from "../../../_components/taxonomy";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Merge issue");

export default function MergeIssuePage(props: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ into?: SearchValue }> }) {
  return <MergePage kind="issue" {...props} />;
}
