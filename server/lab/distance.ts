// The delay a lab relay adds between two places: the sim's own round-trip formula (one home for
// the physics), half of it in each direction.
import { roundTripMs, type Coordinates } from "@/server/drivers/sim/geo";
import { KNOWN_PLACES } from "@/server/drivers/sim/places";

export type { Coordinates };

export function oneWayDelayMs(from: Coordinates, to: Coordinates): number {
  return roundTripMs(from, to) / 2;
}

/** Coordinates of a probe location by name (the sim's table of places), or null when unknown. */
export function placeCoordinates(name: string): Coordinates | null {
  return KNOWN_PLACES[name] ?? null;
}
