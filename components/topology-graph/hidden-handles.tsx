"use client";

// React Flow draws an edge only between handles; ours are invisible (nothing is connected by hand,
// and replication links are drawn border to border by the link edge itself).
import { Handle, Position } from "@xyflow/react";

const HIDDEN = { opacity: 0, pointerEvents: "none" } as const;

export function HiddenHandles({ source = true, target = true }: { source?: boolean; target?: boolean }) {
  return (
    <>
      {target ? <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN} /> : null}
      {source ? <Handle type="source" position={Position.Bottom} isConnectable={false} style={HIDDEN} /> : null}
    </>
  );
}
