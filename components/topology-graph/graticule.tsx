"use client";

// The map view's background: the world's land and coastlines (world-map.ts), lines of latitude and
// longitude every 30° with their degrees, drawn in flow coordinates so they pan and zoom with the
// regions.
import { ViewportPortal } from "@xyflow/react";

import { MAP_HEIGHT, MAP_WIDTH, project } from "./map-layout";
import { worldPaths } from "./world-map";

const LONGITUDES = Array.from({ length: 11 }, (_, i) => -150 + i * 30);
const LATITUDES = [60, 30, 0, -30, -60];
const degrees = (value: number, positive: string, negative: string) =>
  value === 0 ? "0°" : `${Math.abs(value)}°${value > 0 ? positive : negative}`;

export function Graticule() {
  const world = worldPaths();
  return (
    <ViewportPortal>
      <svg
        aria-hidden="true"
        data-testid="world-map"
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        style={{ position: "absolute", left: 0, top: 0, zIndex: -1, pointerEvents: "none", overflow: "visible" }}
      >
        <path
          data-testid="coastlines"
          d={world.land}
          style={{ fill: "var(--map-land)", stroke: "var(--map-coast)", strokeWidth: 0.75, strokeLinejoin: "round" }}
        />
        <path
          d={world.graticule}
          style={{ fill: "none", stroke: "var(--graph-grid)", strokeWidth: 0.5, opacity: 0.7 }}
        />
        {LONGITUDES.map((lon) => (
          <text
            key={`lon${lon}`}
            x={project(0, lon).x + 3}
            y={MAP_HEIGHT - 6}
            style={{ fill: "var(--graph-grid-text)", fontSize: 10 }}
          >
            {degrees(lon, "E", "W")}
          </text>
        ))}
        {LATITUDES.map((lat) => (
          <text
            key={`lat${lat}`}
            x={4}
            y={project(lat, 0).y - 3}
            style={{ fill: "var(--graph-grid-text)", fontSize: 10 }}
          >
            {degrees(lat, "N", "S")}
          </text>
        ))}
      </svg>
    </ViewportPortal>
  );
}
