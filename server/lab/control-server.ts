// The lab's control API: HTTP on 127.0.0.1 (a free port), every call with
// `Authorization: Bearer <token>` from the control file. JSON in, JSON out; a wrong body is a 400
// naming the field, an action the lab refuses (a stale fence token, an unknown link) a 409.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { z } from "zod";

import {
  ZLabDeploymentRef,
  ZLabLinkFault,
  ZLabLinkRef,
  ZLabLostWrites,
  ZLabReplicaMove,
  ZLabRouterTarget,
  ZLabServerRef,
  ZLabServerStop,
  ZLabWorkloadRates,
} from "@/lib/lab/contracts";

import type { Lab } from "./lab";

const MAX_BODY = 64 * 1024;

type Handler = (body: unknown, query: URLSearchParams) => Promise<unknown> | unknown;

class BadRequest extends Error {}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BadRequest(
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "),
  );
}

export function controlRoutes(lab: Lab, onDown: () => void): Record<string, Handler> {
  return {
    "GET /status": () => lab.status(),
    "POST /links/fault": (body) => {
      lab.faultLink(parse(ZLabLinkFault, body));
      return { ok: true };
    },
    "POST /links/restore": (body) => {
      lab.restoreLink(parse(ZLabLinkRef, body).link);
      return { ok: true };
    },
    "POST /servers/stop": async (body) => {
      await lab.stopServer(parse(ZLabServerStop, body));
      return { ok: true };
    },
    "POST /servers/start": async (body) => {
      await lab.startServer(parse(ZLabServerRef, body));
      return { ok: true };
    },
    "POST /servers/move": (body) => lab.moveReplica(parse(ZLabReplicaMove, body)),
    "POST /routers/target": (body) => lab.setRouterTarget(parse(ZLabRouterTarget, body)),
    "POST /workload/rates": (body) => lab.setWorkloadRates(parse(ZLabWorkloadRates, body)),
    "GET /ledger/lost": (_body, query) => lab.lostWrites(parse(ZLabLostWrites, Object.fromEntries(query))),
    "GET /conflicts": (_body, query) => lab.conflicts(parse(ZLabDeploymentRef, Object.fromEntries(query)).deployment),
    "POST /down": () => {
      setImmediate(onDown);
      return { ok: true };
    },
  };
}

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new BadRequest("body too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => {
      if (chunks.length === 0) return resolve({});
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new BadRequest("body: not JSON"));
      }
    });
    request.on("error", reject);
  });
}

function authorized(request: http.IncomingMessage, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ControlServer {
  port: number;
  token: string;
  close: () => Promise<void>;
}

export async function startControlServer(lab: Lab, onDown: () => void): Promise<ControlServer> {
  const token = randomBytes(32).toString("base64url");
  const routes = controlRoutes(lab, onDown);
  const server = http.createServer(async (request, response) => {
    const send = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)));
    };
    if (!authorized(request, token)) return send(401, { error: "the lab's control token is required" });
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) return send(404, { error: `no such lab call: ${request.method} ${url.pathname}` });
    try {
      send(200, await handler(await readBody(request), url.searchParams));
    } catch (error) {
      send(error instanceof BadRequest ? 400 : 409, { error: error instanceof Error ? error.message : String(error) });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
