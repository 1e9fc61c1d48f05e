export declare function sourcesDigest(): string;
export declare function ensureBuild(options?: { stdio?: "inherit" | "pipe" | "ignore" }): boolean;
export declare function actionsKeyProblem(distDir?: string, env?: Record<string, string | undefined>): string | null;
