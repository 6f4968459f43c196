// Where a replication link is drawn: from border to border of its two nodes along a gentle curve,
// bent to one side by its direction, so a→b and b→a (and parallel links) never lie on each other.
export type Box = { x: number; y: number; width: number; height: number };
type Point = { x: number; y: number };

const centre = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Where the line from the box's centre towards `toward` leaves the box. */
export function borderPoint(box: Box, toward: Point): Point {
  const c = centre(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** A quadratic curve between two boxes; `lane` bends parallel links further apart. */
export function curvedLink(source: Box, target: Box, lane = 0): { path: string; labelX: number; labelY: number } {
  const start = borderPoint(source, centre(target));
  const end = borderPoint(target, centre(source));
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(28 + 22 * lane, length * 0.4);
  // The normal to the direction of travel: opposite directions bend to opposite sides.
  const control = { x: (start.x + end.x) / 2 - (dy / length) * bend, y: (start.y + end.y) / 2 + (dx / length) * bend };
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    path: `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`,
    // The curve's midpoint (t = 0.5).
    labelX: round(0.25 * start.x + 0.5 * control.x + 0.25 * end.x),
    labelY: round(0.25 * start.y + 0.5 * control.y + 0.25 * end.y),
  };
}
