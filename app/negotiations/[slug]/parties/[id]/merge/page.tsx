import type { SearchValue } from "@/lib/search-params";
import { MergePage } from "../../../_components/taxonomy";
import { titled } from "../../../_components/page-title";

export const generateMetadata = titled("Merge party");

export default function MergePartyPage(props: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ into?: SearchValue }> }) {
  return <MergePage kind="party" {...props} />;
}
