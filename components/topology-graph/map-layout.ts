// The map view's layout: regions at their latitude and longitude (equirectangular projection onto
// a fixed canvas), nudged down just enough that two regions of one metro area do not overlap.
import type { LayoutResult } from "./layout";

export const MAP_WIDTH = 3600;
export const MAP_HEIGHT = 1800;
const GAP = 8;

export type MapPlace = { id: string; latitude: number; longitude: number; width: number; height: number };

/** Longitude -180..180 maps to 0..MAP_WIDTH, latitude 90..-90 to 0..MAP_HEIGHT. */
export function project(latitude: number, longitude: number): { x: number; y: number } {
  return { x: ((longitude + 180) / 360) * MAP_WIDTH, y: ((90 - latitude) / 180) * MAP_HEIGHT };
}

export function layoutMap(places: readonly MapPlace[]): LayoutResult {
  const projected = places
    .map((place) => {
      const { x, y } = project(place.latitude, place.longitude);
      return { ...place, x: x - place.width / 2, y: y - place.height / 2 };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const placed: { id: string; x: number; y: number; width: number; height: number }[] = [];
  for (const box of projected) {
    let y = box.y;
    // Each step clears at least one box, so this ends after at most `placed.length` steps.
    for (let step = 0; step <= placed.length; step++) {
      const hit = placed.find(
        (other) =>
          box.x < other.x + other.width + GAP &&
          other.x < box.x + box.width + GAP &&
          y < other.y + other.height + GAP &&
          other.y < y + box.height + GAP,
      );
      if (!hit) break;
      y = hit.y + hit.height + GAP;
    }
    placed.push({ id: box.id, x: box.x, y, width: box.width, height: box.height });
  }
  return Object.fromEntries(placed.map(({ id, ...box }) => [id, box]));
}
