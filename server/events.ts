// The event bus. Small events about a deployment (its newest live snapshot) are stored in
// LiveEvent and announced with PostgreSQL NOTIFY, so every web process hears what any worker
// observed; in-process listeners (the SSE subscriptions) receive them from one EventEmitter.
// NOTIFY carries only "<id>:<deploymentId>": payloads stay far under its 8000-byte limit.
import { EventEmitter, on } from "node:events";

import pg from "pg";

import type { Db, Tx } from "@/server/db";
import { env } from "@/server/env";

export const LIVE_CHANNEL = "meridian_live";

export type LiveEventMessage = { id: string; deploymentId: string; kind: string; payload: unknown; at: Date };

/** Stores an event and announces it when the caller's transaction commits. */
export async function publishLiveEvent(
  tx: Tx | Db,
  deploymentId: string,
  kind: string,
  payload: object,
): Promise<string> {
  const event = await tx.liveEvent.create({
    data: { deploymentId, kind, payload: payload as never },
    select: { id: true },
  });
  await tx.$executeRaw`select pg_notify(${LIVE_CHANNEL}, ${`${event.id}:${deploymentId}`})`;
  return String(event.id);
}

/** Events after `afterId` for a deployment, oldest first: what a reconnecting browser missed. */
export async function eventsSince(
  db: Db,
  deploymentId: string,
  afterId: string,
  limit = 500,
): Promise<LiveEventMessage[]> {
  const rows = await db.liveEvent.findMany({
    where: { deploymentId, id: { gt: BigInt(afterId) } },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}

/** How long live events are kept: long enough for any browser to resume after a reconnect. */
export const LIVE_EVENT_KEEP_MS = 3_600_000;

/** Deletes the live events older than LIVE_EVENT_KEEP_MS (the worker's job). */
export function trimLiveEvents(db: Db, nowMs: number) {
  return db.liveEvent.deleteMany({ where: { at: { lt: new Date(nowMs - LIVE_EVENT_KEEP_MS) } } });
}

export async function latestEvent(db: Tx, deploymentId: string, kind: string): Promise<LiveEventMessage | null> {
  const row = await db.liveEvent.findFirst({ where: { deploymentId, kind }, orderBy: { id: "desc" } });
  return row ? { ...row, id: String(row.id) } : null;
}

// ---------------------------------------------------------------- listening, one per process

type Bus = { emitter: EventEmitter; ready: Promise<void> };
const globalForBus = globalThis as unknown as { meridianBus?: Bus };

function startListening(db: Db): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0); // one listener per open browser subscription
  const ready = connect(db, emitter);
  return { emitter, ready };
}

async function connect(db: Db, emitter: EventEmitter): Promise<void> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  const reconnect = () => {
    client.removeAllListeners();
    client.end().catch(() => {});
    // A dropped connection is retried: browsers keep their subscriptions and resume by id.
    setTimeout(() => connect(db, emitter).catch((error) => console.error("[events] reconnect failed:", error)), 1_000);
  };
  client.on("error", reconnect);
  client.on("notification", (message) => {
    const [id, deploymentId] = (message.payload ?? "").split(":");
    if (!id || !deploymentId) return;
    // One read per event and process, however many browsers watch this deployment.
    db.liveEvent
      .findUnique({ where: { id: BigInt(id) } })
      .then((row) => {
        if (row) emitter.emit(deploymentId, { ...row, id: String(row.id) } satisfies LiveEventMessage);
      })
      .catch((error) => console.error("[events] could not read event", id, error));
  });
  await client.connect();
  await client.query(`listen ${LIVE_CHANNEL}`);
}

function bus(db: Db): Bus {
  if (!globalForBus.meridianBus) {
    const started = startListening(db);
    // A first connection that fails is forgotten, so the next subscription tries again.
    started.ready.catch(() => {
      if (globalForBus.meridianBus === started) globalForBus.meridianBus = undefined;
    });
    globalForBus.meridianBus = started;
  }
  return globalForBus.meridianBus;
}

/**
 * Starts listening to one deployment's live events now (they are buffered from this moment) and
 * returns them as an async iterator that ends when `signal` aborts. Open it before replaying
 * history, so no event falls between the replay and the live stream.
 */
export async function openLiveStream(
  db: Db,
  deploymentId: string,
  signal?: AbortSignal,
): Promise<AsyncGenerator<LiveEventMessage>> {
  const { emitter, ready } = bus(db);
  await ready;
  const events = on(emitter, deploymentId, { signal });
  return (async function* () {
    try {
      for await (const [event] of events) yield event as LiveEventMessage;
    } catch (error) {
      if (!signal?.aborted) throw error; // an aborted subscription ends quietly
    }
  })();
}
