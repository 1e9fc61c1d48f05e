export const SQLITE_SCHEMA: string;
export const PG_SCHEMA: string;
export function pgSchemaFrom(sqlite: string): string;
