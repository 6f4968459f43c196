// Arrowheads for the graph's edges, one per tone, defined once; edges point at them by id.
import type { EdgeTone } from "./graph-colors";

const TONES: EdgeTone[] = ["ok", "bad", "rule", "muted"];

export function GraphMarkers() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      <defs>
        {TONES.map((tone) => (
          <marker
            key={tone}
            id={`graph-arrow-${tone}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" style={{ fill: `var(--graph-${tone})` }} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
