export const EMBEDDED_DATA_DIR: string;
export function withDatabase(url: string, database: string): string;
export function createDatabaseIfMissing(url: string): Promise<void>;
export function dropDatabase(url: string): Promise<void>;
export function ensurePostgres(options?: {
  log?: (line: string) => void;
  database?: string;
  ephemeral?: boolean;
}): Promise<{ url: string; appUrl: string; embedded: boolean; stop: () => Promise<void> }>;
