// The console and the worker connect as a role that owns nothing: it may read and write the rows it
// needs, append to the audit trail but never change or remove a record, and, owning no table, it
// cannot disable a trigger, truncate, or alter the schema. Migrations run as the owner, which then
// grants this role what it needs (again after every migration, so new tables are covered).
import pg from "pg";

export const APP_ROLE = "meridian_app";

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** The same URL with another user and password. */
export function withCredentials(url, user, password) {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export const userOf = (url) => decodeURIComponent(new URL(url).username);

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the login role when missing (or sets its password), with no privilege beyond logging in. */
export async function ensureAppRole(ownerUrl, role, password) {
  await withClient(ownerUrl, async (client) => {
    const found = await client.query("select 1 from pg_roles where rolname = $1", [role]);
    const verb = found.rowCount === 0 ? "create" : "alter";
    const literal = `'${password.replaceAll("'", "''")}'`;
    await client.query(
      `${verb} role ${quoteIdent(role)} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls noreplication password ${literal}`,
    );
  });
}

/** What the app role may do in the database at `ownerUrl` (run as its owner, after migrating). */
export async function grantAppRole(ownerUrl, role) {
  const r = quoteIdent(role);
  const database = quoteIdent(decodeURIComponent(new URL(ownerUrl).pathname.slice(1)));
  await withClient(ownerUrl, async (client) => {
    await client.query("begin");
    await client.query(`grant connect, temporary on database ${database} to ${r}`);
    await client.query(`grant usage on schema public to ${r}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await client.query(`grant usage, select on all sequences in schema public to ${r}`);
    // The audit trail: read and append only; its head moves forward (a trigger) and is never removed.
    await client.query(`revoke update, delete, truncate on "AuditRecord" from ${r}`);
    await client.query(`revoke delete, truncate on "AuditHead" from ${r}`);
    await client.query(`revoke all on "_prisma_migrations" from ${r}`);
    await client.query("commit");
  });
}
