/** A URL-safe slug from a title: "Gaza ceasefire talks (2024)" -> "gaza-ceasefire-talks-2024". */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "negotiation";
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Pages of their own under /negotiations/ (app/negotiations/new, app/negotiations/import): a negotiation there is unreachable. */
export const RESERVED_SLUGS: readonly string[] = ["new", "import"];
