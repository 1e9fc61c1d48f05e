export declare function sourcesDigest(): string;
export declare function ensureBuild(options?: { stdio?: "inherit" | "pipe" | "ignore" }): boolean;
