// Shorthands for the audit record of a model edit: the action name says entity and verb.
import type { Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";

export function auditCreated(tx: Tx, actor: Actor, objectType: string, object: { id: string }, summary: string) {
  return recordAudit(tx, actor, {
    action: `${objectType}.create`,
    objectType,
    objectId: object.id,
    summary,
    after: object,
  });
}

export function auditUpdated(
  tx: Tx,
  actor: Actor,
  objectType: string,
  before: { id: string },
  after: object,
  summary: string,
) {
  return recordAudit(tx, actor, {
    action: `${objectType}.update`,
    objectType,
    objectId: before.id,
    summary,
    before,
    after,
  });
}

export function auditDeleted(tx: Tx, actor: Actor, objectType: string, before: { id: string }, summary: string) {
  return recordAudit(tx, actor, { action: `${objectType}.delete`, objectType, objectId: before.id, summary, before });
}

/** The fields an update actually changes, for a summary that says what moved. */
export function changedFields(before: Record<string, unknown>, changes: Record<string, unknown>): string[] {
  return Object.keys(changes).filter(
    (key) => key !== "id" && JSON.stringify(before[key]) !== JSON.stringify(changes[key]),
  );
}

/** Parses `{ ...current, ...changes }` with the create schema: an update must leave a valid object. */
export function mergedValid<T>(schema: { parse: (value: unknown) => T }, current: object, changes: object): T {
  return schema.parse({ ...current, ...stripUndefined(changes) });
}

function stripUndefined(value: object) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
