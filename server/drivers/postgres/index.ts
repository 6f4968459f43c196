export type {
  LabControls,
  LabFaultState,
  LabMoveAction,
  LabOperator,
  ProbeRoute,
  RouterView,
  ServerDirectory,
  ServerEndpoint,
  ServerMarkerView,
  SslMode,
} from "./directory";
export { SSL_MODES } from "./directory";
export { closeAllPools } from "./pools";
export { PostgresDriver } from "./postgres-driver";
