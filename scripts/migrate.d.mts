export const PG_MIGRATIONS: string;
export function isPostgres(url: string | undefined): boolean;
export function migrationNames(dir: string): string[];
export function createPostgresDatabase(url: string, options?: { template?: string }): Promise<boolean>;
export function migratePostgres(url: string, options?: { dir?: string; log?: (line: string) => void }): Promise<string[]>;
export function migrate(url: string, options?: { stdio?: "inherit" | "pipe" }): Promise<void>;
export function dropPostgresDatabase(url: string): Promise<void>;
