// One direction of a relayed connection: bytes leave `delayMs` after they arrived, in order. A
// "lost" chunk is not dropped (TCP would resend it, and a gap would corrupt the stream): it is
// held for a retransmission timeout, and everything behind it waits, as TCP's in-order delivery
// makes an application see packet loss.
import type { Socket } from "node:net";

/** TCP's minimum retransmission timeout (Linux: 200 ms). */
export const RETRANSMIT_MS = 200;

export interface PipeConditions {
  /** Added to each chunk now (the distance, plus any slowing). */
  delayMs(): number;
  /** Probability that a chunk needs a retransmission. */
  lossRate(): number;
  /** While true, nothing is delivered (a partition that stalls rather than refuses). */
  stalled(): boolean;
}

export function delayedPipe(from: Socket, to: Socket, conditions: PipeConditions): { flush: () => void } {
  const queue: { dueAt: number; data: Buffer }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let lastDue = 0;

  const pump = () => {
    timer = null;
    if (conditions.stalled()) return;
    const now = Date.now();
    while (queue.length > 0 && (queue[0] as { dueAt: number }).dueAt <= now) {
      const chunk = queue.shift() as { data: Buffer };
      if (!to.destroyed) to.write(chunk.data);
    }
    schedule();
  };
  const schedule = () => {
    if (timer || queue.length === 0 || conditions.stalled()) return;
    const wait = Math.max(0, (queue[0] as { dueAt: number }).dueAt - Date.now());
    timer = setTimeout(pump, wait);
  };

  from.on("data", (data: Buffer) => {
    const now = Date.now();
    const retransmit = Math.random() < conditions.lossRate() ? RETRANSMIT_MS : 0;
    // Never before the chunk ahead of it: the stream stays in order.
    lastDue = Math.max(lastDue, now + conditions.delayMs() + retransmit);
    queue.push({ dueAt: lastDue, data });
    schedule();
  });
  return {
    /** Called when a stall ends: deliver what waited. */
    flush: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      pump();
    },
  };
}
