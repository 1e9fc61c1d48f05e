// Reads the database file directly (read-only, better-sqlite3), not through the app: what is on
// disk is what counts.
import Database from "better-sqlite3";
import type { Kind, Write } from "./writes";

const TABLE: Record<Kind, string> = { party: "Party", issue: "Issue" };

export interface Findings {
  /** Acknowledged writes. */
  acknowledged: number;
  /** Acknowledged writes whose row is there. */
  present: number;
  /** Acknowledged writes with no row. */
  lost: string[];
  /** Any write (acknowledged or not) with more than one row. */
  duplicates: string[];
  /** Writes not acknowledged whose row is there anyway (allowed: the commit beat the crash). */
  landedUnacknowledged: number;
  /** Rows found for all the writes sent. */
  rows: number;
  /** Rows whose "create" revision is missing or repeated (the two are written in one transaction). */
  tornRevisions: string[];
}

export function checkWrites(dbFile: string, writes: Write[]): Findings {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const statements = Object.fromEntries(
      (Object.keys(TABLE) as Kind[]).map((kind) => [
        kind,
        db.prepare(
          `SELECT t.id AS id, (SELECT COUNT(*) FROM "Revision" r WHERE r."entityType" = ? AND r."entityId" = t.id AND r."action" = 'create') AS revisions
           FROM "${TABLE[kind]}" t WHERE t."name" = ?`,
        ),
      ]),
    ) as Record<Kind, Database.Statement>;
    const findings: Findings = { acknowledged: 0, present: 0, lost: [], duplicates: [], landedUnacknowledged: 0, rows: 0, tornRevisions: [] };
    for (const write of writes) {
      const rows = statements[write.kind].all(write.kind, write.name) as Array<{ id: number; revisions: number }>;
      findings.rows += rows.length;
      if (rows.length > 1) findings.duplicates.push(write.name);
      for (const row of rows) if (row.revisions !== 1) findings.tornRevisions.push(`${write.name} (${row.revisions} create revisions)`);
      if (write.outcome === "acknowledged") {
        findings.acknowledged++;
        if (rows.length > 0) findings.present++;
        else findings.lost.push(write.name);
      } else if (rows.length > 0) {
        findings.landedUnacknowledged++;
      }
    }
    return findings;
  } finally {
    db.close();
  }
}

/** Rows whose name starts with `prefix` but that no write sent (should be none). */
export function strayRows(dbFile: string, prefix: string, writes: Write[]): string[] {
  const sent = new Set(writes.map((w) => w.name));
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const names = (Object.values(TABLE) as string[]).flatMap(
      (table) => (db.prepare(`SELECT "name" FROM "${table}" WHERE substr("name", 1, ?) = ?`).all(prefix.length, prefix) as Array<{ name: string }>).map((r) => r.name),
    );
    return names.filter((n) => !sent.has(n));
  } finally {
    db.close();
  }
}

export function pragmaCheck(dbFile: string, pragma: "integrity_check" | "quick_check"): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`PRAGMA ${pragma}`).all() as Array<Record<string, string>>;
    return rows.map((r) => Object.values(r)[0]).join("; ");
  } finally {
    db.close();
  }
}
