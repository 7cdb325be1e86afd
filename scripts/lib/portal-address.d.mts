export function recordPortalUrl(dataDir: string, url: string): void;
export function forgetPortalUrl(dataDir: string): void;
export function runningPortalUrl(dataDir: string): string | null;
export function jobLinkOrigin(env: Record<string, string | undefined>, dataDir: string): string;
