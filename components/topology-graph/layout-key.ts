// What the layout depends on, as a string: callers re-run the layout only when it changes.
/** A key that changes only when the set of node or edge ids does: what layout depends on. */
export function layoutKey(nodes: readonly { id: string }[], edges: readonly { id: string }[]): string {
  return `${nodes
    .map((n) => n.id)
    .sort()
    .join(",")}|${edges
    .map((e) => e.id)
    .sort()
    .join(",")}`;
}
