export declare const E2E_PASSWORD: string;
export declare const E2E_USERS: Array<{ email: string; name: string; role: "admin" | "editor" | "viewer" }>;
export declare function createE2EUsers(env: Record<string, string | undefined>): Promise<void>;
