// Typed driver errors: the domain maps each code to an AppError a person can act on.

export type DriverErrorCode =
  | "STALE_EPOCH"
  | "STALE_TOKEN"
  | "SPLIT_BRAIN_REFUSED"
  | "NOT_FOUND"
  | "INVALID_ACTION"
  | "INVALID_FAULT"
  | "INVALID_TOPOLOGY"
  | "INVALID_STATE"
  | "UNREACHABLE"
  | "DRIVER_UNAVAILABLE";

export class DriverError extends Error {
  readonly code: DriverErrorCode;

  constructor(code: DriverErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An action carried a fencing epoch older than the current one: a newer operation happened since. */
export class StaleEpochError extends DriverError {
  /** What the epoch belongs to: a cluster (promotions) or a routing policy (routing changes). */
  readonly subjectKind: "cluster" | "routing policy";
  readonly subjectId: string;
  readonly actionEpoch: number;
  readonly currentEpoch: number;

  constructor(input: {
    subjectKind: "cluster" | "routing policy";
    subjectId: string;
    actionEpoch: number;
    currentEpoch: number;
    message: string;
  }) {
    super("STALE_EPOCH", input.message);
    this.subjectKind = input.subjectKind;
    this.subjectId = input.subjectId;
    this.actionEpoch = input.actionEpoch;
    this.currentEpoch = input.currentEpoch;
  }
}

/** The action would leave two writable replicas in a single-primary cluster. */
export class SplitBrainRefusedError extends DriverError {
  readonly clusterId: string;
  readonly writableReplicaIds: string[];

  constructor(input: { clusterId: string; writableReplicaIds: string[]; message: string }) {
    super("SPLIT_BRAIN_REFUSED", input.message);
    this.clusterId = input.clusterId;
    this.writableReplicaIds = input.writableReplicaIds;
  }
}

export class NotFoundError extends DriverError {
  constructor(what: string, id: string) {
    super("NOT_FOUND", `${what} "${id}" is not in this deployment's topology`);
  }
}

export class InvalidActionError extends DriverError {
  constructor(message: string) {
    super("INVALID_ACTION", message);
  }
}

export class InvalidFaultError extends DriverError {
  constructor(message: string) {
    super("INVALID_FAULT", message);
  }
}

export class InvalidTopologyError extends DriverError {
  constructor(message: string) {
    super("INVALID_TOPOLOGY", message);
  }
}

export class InvalidStateError extends DriverError {
  constructor(message: string) {
    super("INVALID_STATE", message);
  }
}

export class UnreachableError extends DriverError {
  constructor(message: string) {
    super("UNREACHABLE", message);
  }
}

export class DriverUnavailableError extends DriverError {
  constructor(message: string) {
    super("DRIVER_UNAVAILABLE", message);
  }
}

/** An action carried an attempt token older than the newest the world applied: a stale worker's late call. */
export class StaleTokenError extends DriverError {
  readonly token: number;
  readonly lastToken: number;

  constructor(input: { token: number; lastToken: number; message: string }) {
    super("STALE_TOKEN", input.message);
    this.token = input.token;
    this.lastToken = input.lastToken;
  }
}
