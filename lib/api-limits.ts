// Limits the server enforces and the browser's client respects, so that it never trips them.

/** Procedure calls in one tRPC batch (the server refuses a larger batch with a 400). */
export const MAX_BATCH_SIZE = 20;
