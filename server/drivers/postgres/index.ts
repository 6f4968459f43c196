export type { LabControls, LabFaultState, ProbeRoute, ServerDirectory, ServerEndpoint, SslMode } from "./directory";
export { SSL_MODES } from "./directory";
export { closeAllPools } from "./pools";
export { PostgresDriver } from "./postgres-driver";
