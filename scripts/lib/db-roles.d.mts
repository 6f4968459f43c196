export const APP_ROLE: string;
export function withCredentials(url: string, user: string, password: string): string;
export function userOf(url: string): string;
export function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<void>;
export function grantAppRole(ownerUrl: string, role: string): Promise<void>;
