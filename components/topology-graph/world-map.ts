// The coastlines of the map view: Natural Earth's land at 1:110m from the world-atlas package (read
// from node_modules at build, so nothing is downloaded at runtime), turned into GeoJSON by
// topojson-client and into one SVG path by d3-geo, with the projection the regions are placed by.
import { geoGraticule, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import land from "world-atlas/land-110m.json";

import { mapProjection } from "./map-layout";

type LandTopology = Topology<{ land: GeometryCollection }>;

let cached: { land: string; graticule: string } | null = null;

/** SVG paths (in map canvas coordinates) of the land and of lines every 30° of latitude and longitude. */
export function worldPaths(): { land: string; graticule: string } {
  if (cached) return cached;
  const path = geoPath(mapProjection());
  const topology = land as unknown as LandTopology;
  cached = {
    land: path(feature(topology, topology.objects.land)) ?? "",
    graticule: path(geoGraticule().step([30, 30])()) ?? "",
  };
  return cached;
}
