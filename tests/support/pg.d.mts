export function testServer(): string;
export function checkoutPrefix(cwd?: string): string;
export function runPrefix(run: string): string;
export function templateName(run: string): string;
export function databaseUrl(name: string, server?: string): string;
export function dropDatabases(prefix: string, server?: string): Promise<void>;
export function createDatabase(name: string, template?: string, server?: string): Promise<void>;
