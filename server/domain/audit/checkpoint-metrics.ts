// The audit head on /api/metrics, signed: a Prometheus that scrapes the console keeps, outside the
// database, a dated record of how far the chain had reached and what its newest hash was.
import { Gauge, type Registry } from "prom-client";

import type { Db } from "@/server/db";

import { signedCheckpoint } from "./checkpoint";

export async function addAuditCheckpoint(registry: Registry, db: Db) {
  const checkpoint = await signedCheckpoint(db);
  const gauge = new Gauge({
    name: "meridian_audit_head_seq",
    help: "Number of the newest audit record; labels carry its hash and an Ed25519 signature of the checkpoint",
    labelNames: ["hash", "at", "key_id", "signature"],
    registers: [registry],
  });
  if (checkpoint)
    gauge.set(
      { hash: checkpoint.hash, at: checkpoint.at, key_id: checkpoint.keyId, signature: checkpoint.sig },
      Number(checkpoint.seq),
    );
}
