// Every driver call of a move has a deadline (the lease's, lease.ts): the call is given the signal,
// and the engine stops waiting when it fires even if the driver ignores it. A call cut off may
// still take effect, so it is not a refusal: DeadlineExceeded loses the move, and the attempt stays
// in doubt for the world to settle (reconcile.ts). While such a call is still running, this process
// does not move its operation again.
import type { Driver } from "@/server/drivers/types";

export class DeadlineExceeded extends Error {
  constructor(what: string) {
    super(`the driver's ${what} did not answer before its deadline (the worker's lease): the move is abandoned`);
    this.name = "DeadlineExceeded";
  }
}

/** Operations with a call of this process still running after its deadline. */
const abandoned = new Map<string, number>();

/** True while a call on the operation cut off at its deadline has not ended yet. */
export const hasAbandonedCall = (operationId: string) => (abandoned.get(operationId) ?? 0) > 0;

/** `call` bounded by `signal`: rejects with DeadlineExceeded when it fires first. */
export function withinDeadline<T>(
  call: Promise<T>,
  signal: AbortSignal,
  what: string,
  operationId: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let cutOff = false;
    const onAbort = () => {
      cutOff = true;
      abandoned.set(operationId, (abandoned.get(operationId) ?? 0) + 1);
      reject(new DeadlineExceeded(what));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    const settle = () => {
      signal.removeEventListener("abort", onAbort);
      if (!cutOff) return;
      const left = (abandoned.get(operationId) ?? 1) - 1;
      if (left > 0) abandoned.set(operationId, left);
      else abandoned.delete(operationId);
    };
    call.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        // A driver that stops at the signal throws its own words; the call may have taken effect all the same.
        reject(signal.aborted ? new DeadlineExceeded(what) : error);
      },
    );
  });
}

/** The driver with every call, reads included, bounded by the current deadline. */
export function boundedDriver(driver: Driver, deadline: () => AbortSignal, operationId: string): Driver {
  return new Proxy(driver, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? withinDeadline(result, deadline(), String(name), operationId) : result;
      };
    },
  });
}
