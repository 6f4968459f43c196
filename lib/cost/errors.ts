// The one error the cost model throws; the server maps `code` onto its AppError codes.

export type TCostErrorCode =
  | "MISSING_PRICE" // the catalog has no price for a provider/item the estate needs
  | "UNIT_MISMATCH" // the catalog prices an item in a unit the model cannot use
  | "UNKNOWN_REGION" // a scenario change or event names a region that is not in the estate
  | "INVALID_SCENARIO" // a scenario is malformed or would produce an invalid estate
  | "INVALID_INPUT"; // an estate, catalog or event failed its schema

export class CostError extends Error {
  readonly code: TCostErrorCode;

  constructor(code: TCostErrorCode, message: string) {
    super(message);
    this.name = "CostError";
    this.code = code;
  }
}
