// Round-trip time between two points on Earth: the physics floor under every cross-region number.

export interface Coordinates {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;
/** Light in optical fibre covers about 200,000 km/s (two thirds of c). */
const FIBRE_KM_PER_MS = 200;
/** Cables do not follow great circles; real paths run roughly 1.5x longer. */
const PATH_INEFFICIENCY = 1.5;
/** Switching, serialisation and the last hops inside each data centre. */
const FIXED_ROUND_TRIP_MS = 2;

/** Haversine great-circle distance. */
export function greatCircleKm(from: Coordinates, to: Coordinates): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const deltaLatitude = toRadians(to.latitude - from.latitude);
  const deltaLongitude = toRadians(to.longitude - from.longitude);
  const a =
    Math.sin(deltaLatitude / 2) ** 2 +
    Math.cos(toRadians(from.latitude)) * Math.cos(toRadians(to.latitude)) * Math.sin(deltaLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function roundTripMs(from: Coordinates, to: Coordinates): number {
  return (2 * greatCircleKm(from, to) * PATH_INEFFICIENCY) / FIBRE_KM_PER_MS + FIXED_ROUND_TRIP_MS;
}
