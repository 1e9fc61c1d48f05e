export function isPostgres(url: string | undefined): boolean;
