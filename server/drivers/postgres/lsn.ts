// Log positions as numbers of bytes. PostgreSQL's pg_lsn is 64-bit; the SQL reads
// pg_wal_lsn_diff(lsn, '0/0')::float8, exact up to 2^53 bytes (8 PiB of WAL), so plain numbers do.

/** Parses "16/B374D848" (as pg_lsn prints) into bytes. */
export function lsnToBytes(lsn: string): number {
  const match = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(lsn.trim());
  if (!match) throw new Error(`"${lsn}" is not a log sequence number`);
  return Number.parseInt(match[1]!, 16) * 2 ** 32 + Number.parseInt(match[2]!, 16);
}

/** Bytes from `from` to `to`, never negative (a reading taken a moment apart may cross). */
export const bytesBetween = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : Math.max(0, to - from);
