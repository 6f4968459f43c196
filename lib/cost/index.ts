// Public surface of the cost model: pure, framework-free, safe to import in the browser and on the server.
export * from "./schema";
export { DEFAULT_CATALOG, ZPriceCatalog, ZPriceItem, type TPriceCatalog, type TPriceItem } from "./catalog";
export { CostError, type TCostErrorCode } from "./errors";
export { COST_CATEGORIES, type TCostCategory, type TCostLine, type TCostByCategory } from "./cost-line";
export { computeEstateCost, type TEstateCost, type TRegionCost } from "./compute";
export { DR_COST_BANDS, type TCostBand, type TCostBandRange } from "./bands";
export { routePricePerGb, type TRoutePrice } from "./route-price";
export { classifyTransferPath, type TTransferPath, type TTransferPathKind } from "./transfer-path";
export {
  computeEventCost,
  ZOperationalEvent,
  ZScaleUp,
  type TOperationalEvent,
  type TScaleUp,
  type TEventCost,
  type TEventCostLine,
} from "./event-cost";
export { applyScenario } from "./scenario";
export { costWithChanges, drModelSweep, type TCostResult } from "./what-if";
export {
  ZScenarioChange,
  ZScenarioChanges,
  SCENARIO_CHANGE_KINDS,
  MAX_SCENARIO_CHANGES,
  MAX_VOLUME_GB_PER_DAY,
  type TScenarioChange,
} from "./scenario-change";
export { formatUsd, formatMultiplier, type TUsdStyle } from "@/lib/format";
export { HOURS_PER_MONTH, DAYS_PER_MONTH } from "./units";
