// The map view's layout: regions at their latitude and longitude (d3-geo's equirectangular
// projection onto a fixed canvas, the one the coastlines are drawn with), nudged down just enough
// that two regions of one metro area do not overlap.
//
// The canvas is 1,600 px wide (4.4 px a degree) so that an estate across three continents, fitted
// to a screen, is drawn near 1:1 and its cards' text stays readable; a wider canvas zoomed out to
// fit made it a few px tall.
import { geoEquirectangular } from "d3-geo";

import type { LayoutResult } from "./layout";

export const MAP_WIDTH = 1600;
export const MAP_HEIGHT = 800;
const GAP = 8;

export type MapPlace = { id: string; latitude: number; longitude: number; width: number; height: number };

/** The world onto the canvas: longitude -180..180 to 0..MAP_WIDTH, latitude 90..-90 to 0..MAP_HEIGHT. */
export const mapProjection = () =>
  geoEquirectangular()
    .scale(MAP_WIDTH / (2 * Math.PI))
    .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2])
    .precision(0.5);

const PROJECTION = mapProjection();

export function project(latitude: number, longitude: number): { x: number; y: number } {
  const [x, y] = PROJECTION([longitude, latitude])!;
  return { x, y };
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
