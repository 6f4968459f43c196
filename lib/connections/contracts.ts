// Connection details of the PostgreSQL servers a `postgres` deployment points at (servers a user
// runs elsewhere), one per replica, entered in the Model tab. The password goes in and never comes
// out: the views say only that one is set, and an empty password keeps the stored one.
import { z } from "zod";

import { id, intIn, oneOf, text } from "@/lib/fields";

import { CONNECTION_FIELDS as F } from "./words";

/** How the connection is secured, as libpq's sslmode names it ("prefer" is left out: node-pg cannot fall back). */
export const TLS_MODES = ["disable", "require", "verify-full"] as const;
export type TTlsMode = (typeof TLS_MODES)[number];

export const PASSWORD_MAX = 200;

const TLS_WORDS: Record<TTlsMode, string> = { disable: "disable", require: "require", "verify-full": "verify-full" };

export const ZConnectionFields = z.object({
  replicaId: id(F.replica),
  host: text(F.host, 255).regex(
    /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:]+\]?$/,
    `${F.host.label} must be a host name or an IP address, like db.example.com or 10.0.0.5`,
  ),
  port: intIn(F.port, 1, 65_535),
  database: text(F.database, 63),
  user: text(F.user, 63),
  /** Empty keeps the password already stored; new details need one. */
  password: z.string().max(PASSWORD_MAX, `${F.password.label} must be at most ${PASSWORD_MAX} characters`).default(""),
  sslMode: oneOf(F.sslMode, TLS_MODES, TLS_WORDS),
});
export type TConnectionInput = z.input<typeof ZConnectionFields>;
export type TConnection = z.output<typeof ZConnectionFields>;

/** Saving a replica's details. */
export const ZConnectionInput = ZConnectionFields;
/** Trying details before (or after) saving them: the same fields; an empty password uses the stored one. */
export const ZConnectionTest = ZConnectionFields;

export const ZConnectionRef = z.object({ replicaId: id(F.replica) });

/** What the browser sees of a replica's details: everything but the password. */
export type TConnectionView = {
  replicaId: string;
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: TTlsMode;
  /** A password is stored; it is never sent back. */
  passwordSet: boolean;
  updatedAt: string;
};

/** The answer of "Test connection": a sentence, and whether it connected. */
export type TConnectionTestResult = { ok: boolean; sentence: string };
