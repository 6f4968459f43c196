"use client";

// The map view's background: lines of latitude and longitude every 15° over the projected world,
// drawn in flow coordinates so they pan and zoom with the regions. No map image is needed.
import { ViewportPortal } from "@xyflow/react";

import { MAP_HEIGHT, MAP_WIDTH, project } from "./map-layout";

const LONGITUDES = Array.from({ length: 25 }, (_, i) => -180 + i * 15);
const LATITUDES = Array.from({ length: 13 }, (_, i) => 90 - i * 15);
const degrees = (value: number, positive: string, negative: string) =>
  value === 0 ? "0°" : `${Math.abs(value)}°${value > 0 ? positive : negative}`;

export function Graticule() {
  return (
    <ViewportPortal>
      <svg
        aria-hidden="true"
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        style={{ position: "absolute", left: 0, top: 0, zIndex: -1, pointerEvents: "none", overflow: "visible" }}
      >
        <rect
          x={0}
          y={0}
          width={MAP_WIDTH}
          height={MAP_HEIGHT}
          style={{ fill: "none", stroke: "var(--graph-grid)", strokeWidth: 2 }}
        />
        {LONGITUDES.map((lon) => {
          const { x } = project(0, lon);
          return (
            <g key={`lon${lon}`}>
              <line
                x1={x}
                y1={0}
                x2={x}
                y2={MAP_HEIGHT}
                style={{ stroke: "var(--graph-grid)", strokeWidth: lon === 0 ? 2 : 1 }}
              />
              {lon % 30 === 0 ? (
                <text x={x + 4} y={MAP_HEIGHT - 8} style={{ fill: "var(--graph-grid-text)", fontSize: 14 }}>
                  {degrees(lon, "E", "W")}
                </text>
              ) : null}
            </g>
          );
        })}
        {LATITUDES.map((lat) => {
          const { y } = project(lat, 0);
          return (
            <g key={`lat${lat}`}>
              <line
                x1={0}
                y1={y}
                x2={MAP_WIDTH}
                y2={y}
                style={{ stroke: "var(--graph-grid)", strokeWidth: lat === 0 ? 2 : 1 }}
              />
              {lat % 30 === 0 && Math.abs(lat) < 90 ? (
                <text x={6} y={y - 4} style={{ fill: "var(--graph-grid-text)", fontSize: 14 }}>
                  {degrees(lat, "N", "S")}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </ViewportPortal>
  );
}
