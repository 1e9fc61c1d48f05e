export function testServer(): string;
export function runPrefix(cwd?: string): string;
export function templateName(cwd?: string): string;
export function databaseUrl(name: string, server?: string): string;
export function dropDatabases(prefix: string, server?: string): Promise<void>;
export function createDatabase(name: string, template?: string, server?: string): Promise<void>;
