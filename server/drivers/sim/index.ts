// Public face of the sim driver. Everything else in this folder is internal.
export { SimDriver, SIM_CAPABILITIES } from "./sim-driver";
export { ZSimOptions, type SimOptions, type SimOptionsInput, type UserPopulation } from "./options";
export { simStateFromJSON, simStateToJSON, SIM_STATE_FORMAT_VERSION, type SimState } from "./state";
export { greatCircleKm, roundTripMs, type Coordinates } from "./geo";
export { hashToSeed } from "./prng";
export { ZFaultSpec, parseFaultSpec, type TFaultSpec, type TFaultSpecInput } from "../fault-spec";
