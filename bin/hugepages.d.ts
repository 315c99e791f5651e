export function thpMode(read?: (path: string) => string): string | null;
export function hugePageEnv(env: Record<string, string | undefined>, platform: string, mode: string | null): Record<string, string | undefined> | null;
