export declare function e2eDatabase(isPrivate: boolean, databaseUrl?: string): { url: string; file?: string };
