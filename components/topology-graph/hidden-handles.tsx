"use client";

// React Flow draws an edge only between handles; ours are invisible (nothing is connected by hand,
// and replication links are drawn border to border by the link edge itself). Each node also
// declares them (node-handles.ts), so React Flow need not measure them.
import { Handle, Position } from "@xyflow/react";

import { HANDLE_SIDES } from "./node-handles";

const HIDDEN = { opacity: 0, pointerEvents: "none" } as const;

export function HiddenHandles({ kind }: { kind: keyof typeof HANDLE_SIDES }) {
  const { source, target } = HANDLE_SIDES[kind];
  return (
    <>
      {target ? <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN} /> : null}
      {source ? <Handle type="source" position={Position.Bottom} isConnectable={false} style={HIDDEN} /> : null}
    </>
  );
}
