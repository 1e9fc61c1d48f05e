import { describe, expect, it } from "vitest";
import { postgresSql } from "../support/postgres-sql";

describe("postgresSql (the tests' own SQL, rewritten for PostgreSQL)", () => {
  it("quotes tables and camelCase columns, numbers placeholders, leaves literals alone", () => {
    expect(postgresSql(`SELECT e.id FROM PositionEntry e JOIN Negotiation n ON n.id = e.negotiationId WHERE n.slug = ? AND e.deletedAt IS NULL AND e.summary <> 'deletedAt ?'`)).toBe(
      `SELECT e.id FROM "PositionEntry" e JOIN "Negotiation" n ON n.id = e."negotiationId" WHERE n.slug = $1 AND e."deletedAt" IS NULL AND e.summary <> 'deletedAt ?'`,
    );
  });

  it("spells group_concat and json_object the PostgreSQL way and keeps quoted names", () => {
    expect(postgresSql(`SELECT group_concat(role) r, json_object('a', id) FROM "user" WHERE "createdAt" > ?`)).toBe(
      `SELECT string_agg(CAST(role AS text), ',') r, json_build_object('a', id) FROM "user" WHERE "createdAt" > $1`,
    );
  });
});
