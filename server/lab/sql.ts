// One short SQL conversation with a lab server, always with a deadline.
import pg from "pg";

export interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function urlOf(endpoint: Endpoint): string {
  const { host, port, user, password, database } = endpoint;
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
}

/** Connects, runs `work`, disconnects; every step bounded by `timeoutMs`. */
export async function withClient<T>(
  endpoint: Endpoint,
  work: (client: pg.Client) => Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const client = new pg.Client({
    ...endpoint,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
  });
  client.on("error", () => {}); // a server that goes away mid-query rejects the query instead
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function queryRows<T extends pg.QueryResultRow>(
  endpoint: Endpoint,
  text: string,
  values: unknown[] = [],
  timeoutMs?: number,
): Promise<T[]> {
  return withClient(endpoint, async (client) => (await client.query<T>(text, values)).rows, timeoutMs);
}

/** Quotes an identifier (slot names, roles) for SQL that cannot take parameters. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
