// The COPY alternative to unnest, for the ingest benchmark only: rows are written by hand in COPY's
// text format (pg-copy-streams is not installed), copied into a temporary table and moved into the
// sample table with ON CONFLICT DO NOTHING (COPY itself cannot skip duplicates). It needs a raw `pg`
// connection, which the app reaches only through Prisma, so it stays here until it earns its place.
import type pg from "pg";

import type { SampleRows } from "@/server/domain/telemetry/ingest";

type Cell = string | number | boolean | null;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyText(columns: Cell[][]): Buffer {
  const rows = columns[0]?.length ?? 0;
  const lines: string[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    lines[r] = columns
      .map((column) => {
        const value = column[r];
        if (value === null || value === undefined) return "\\N";
        if (typeof value === "boolean") return value ? "t" : "f";
        return typeof value === "number"
          ? String(value)
          : value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
      })
      .join("\t");
  }
  return Buffer.from(lines.join("\n") + "\n");
}

/** A naive UTC timestamp, as the `timestamp(3)` columns hold. */
const utc = (atMs: number[]) => atMs.map((ms) => new Date(ms).toISOString().replace("T", " ").replace("Z", ""));

/** A pg "submittable" that runs COPY ... FROM STDIN and sends `data` when the server asks for it. */
class CopyIn {
  private error: Error | null = null;
  private rowCount = 0;
  callback?: (error: Error | null, rowCount: number) => void;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}
  submit(connection: { query: (text: string) => void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk: (chunk: Buffer) => void; endCopyFrom: () => void }) {
    for (let offset = 0; offset < this.data.length; offset += 64 * 1024)
      connection.sendCopyFromChunk(this.data.subarray(offset, offset + 64 * 1024));
    connection.endCopyFrom();
  }
  handleCommandComplete(message: { text: string }) {
    this.rowCount = Number(message.text.split(" ").at(-1));
  }
  handleError(error: Error) {
    this.error = error;
  }
  handleReadyForQuery() {
    this.callback?.(this.error, this.rowCount);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handleCopyData() {}
  handlePortalSuspended() {}
}

function copyIn(client: pg.PoolClient, text: string, data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const query = new CopyIn(text, data);
    query.callback = (error, rowCount) => (error ? reject(error) : resolve(rowCount));
    client.query(query as unknown as pg.QueryConfig);
  });
}

async function copyTable(pool: pg.Pool, table: string, columns: string[], cells: Cell[][]): Promise<number> {
  if ((cells[0]?.length ?? 0) === 0) return 0;
  const client = await pool.connect();
  try {
    const list = columns.map((c) => `"${c}"`).join(", ");
    await client.query(`begin; create temp table incoming (like "${table}") on commit drop`);
    await copyIn(client, `copy incoming (${list}) from stdin`, copyText(cells));
    const moved = await client.query(
      `insert into "${table}" (${list}) select ${list} from incoming on conflict do nothing`,
    );
    await client.query("commit");
    return moved.rowCount ?? 0;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Inserts the rows with COPY, one connection per table side by side; returns rows inserted. */
export async function copyRows(pool: pg.Pool, rows: SampleRows): Promise<{ inserted: number }> {
  const { lag, health, traffic, conflicts } = rows;
  const counts = await Promise.all([
    lag
      ? copyTable(
          pool,
          "LagSample",
          ["linkId", "at", "lagMs", "lagBytes"],
          [lag.linkId, utc(lag.atMs), lag.lagMs, lag.lagBytes.map(Math.round)],
        )
      : 0,
    health
      ? copyTable(
          pool,
          "HealthSample",
          ["deploymentId", "regionId", "probeLocation", "at", "healthy", "latencyMs"],
          [
            health.deploymentId,
            health.regionId,
            health.probeLocation,
            utc(health.atMs),
            health.healthy,
            health.latencyMs,
          ],
        )
      : 0,
    traffic
      ? copyTable(
          pool,
          "TrafficSample",
          ["deploymentId", "regionId", "at", "requestsPerSecond", "errorRate", "latencyP50Ms"],
          [
            traffic.deploymentId,
            traffic.regionId,
            utc(traffic.atMs),
            traffic.requestsPerSecond,
            traffic.errorRate,
            traffic.latencyP50Ms,
          ],
        )
      : 0,
    conflicts
      ? copyTable(
          pool,
          "ConflictSample",
          ["clusterId", "at", "conflicts", "conflictsPerSecond"],
          [conflicts.clusterId, utc(conflicts.atMs), conflicts.conflicts.map(Math.round), conflicts.conflictsPerSecond],
        )
      : 0,
  ]);
  return { inserted: counts.reduce((a, b) => a + b, 0) };
}
