// Connection details in words: the fields of the form that tells Meridian how to reach a replica's
// PostgreSQL server (the label above each control is the name its errors use), and the TLS modes.
import type { TFieldWords } from "@/lib/fields";

import type { TTlsMode } from "./contracts";

export const CONNECTION_FIELDS = {
  replica: { label: "Replica" },
  host: { label: "Host" },
  port: { label: "Port" },
  database: { label: "Database" },
  user: { label: "User" },
  password: { label: "Password" },
  sslMode: { label: "TLS mode" },
} as const satisfies Record<string, TFieldWords>;

export const TLS_MODE_LABELS: Record<TTlsMode, string> = {
  disable: "Off (plain connection)",
  require: "Required (certificate not checked)",
  "verify-full": "Required and verified (certificate and host name)",
};
