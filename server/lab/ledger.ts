// The ledger of acknowledged writes, in Meridian's database (outside the lab servers). A write is
// recorded once its server acknowledged the commit; records are sent in small batches every 100 ms
// (and on stop), so a crash of the workload itself can forget at most the last 100 ms.
import type { Db } from "@/server/db";

export interface AcknowledgedWrite {
  runId: string;
  writeId: bigint;
  region: string;
  acknowledgedAt: Date;
  latencyMs: number;
}

const FLUSH_EVERY_MS = 100;

export class Ledger {
  private pending: AcknowledgedWrite[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  recorded = 0;
  /** The last error writing to the ledger (null when the last flush worked). */
  lastError: string | null = null;

  constructor(
    private readonly db: Db,
    readonly deployment: string,
    readonly cluster: string,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), FLUSH_EVERY_MS);
  }

  record(write: AcknowledgedWrite): void {
    this.pending.push(write);
  }

  /** Writes what is pending; batches keep their order, a failed batch is retried at the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.pending;
      if (batch.length === 0) return;
      this.pending = [];
      try {
        await this.db.labLedgerWrite.createMany({
          data: batch.map((write) => ({ ...write, deployment: this.deployment, cluster: this.cluster })),
          skipDuplicates: true,
        });
        this.recorded += batch.length;
        this.lastError = null;
      } catch (error) {
        this.pending = [...batch, ...this.pending];
        this.lastError = error instanceof Error ? error.message : String(error);
      }
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
