// The HTTP server's part, over a real socket: the client's address comes from the socket, a made-up
// X-Forwarded-For or client-address header is not believed (unless the peer is a trusted proxy),
// and an oversized API body is refused before it is read.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "./client-address";
import { MAX_BODY_BYTES, prepareRequest } from "./edge";

let server: Server | undefined;
let bodyBytesRead = 0;

async function start(trustedProxies: string[]) {
  server = createServer((req, res) => {
    if (!prepareRequest(req, res, { trustedProxies })) return;
    req.on("data", (chunk: Buffer) => (bodyBytesRead += chunk.length));
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(req.headers));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  bodyBytesRead = 0;
});

function send(port: number, options: { method?: string; headers?: Record<string, string | number>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/api/trpc/x", method: options.method ?? "GET", headers: options.headers },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE" ? undefined : reject(error),
    );
    if (options.body) req.write(options.body);
    if (options.headers?.["transfer-encoding"] === undefined) req.end();
    else setTimeout(() => req.end(), 50);
  });
}

describe("the client's address", () => {
  it("is the socket's, whatever X-Forwarded-For and the client-address header claim", async () => {
    const port = await start([]);
    const { body } = await send(port, {
      headers: {
        "x-forwarded-for": "203.0.113.9",
        [CLIENT_ADDRESS_HEADER]: "203.0.113.10",
        "x-forwarded-host": "evil.example",
      },
    });
    const seen = JSON.parse(body) as Record<string, string>;
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
  });

  it("is the first untrusted address of X-Forwarded-For when the peer is a trusted proxy", async () => {
    const port = await start(["127.0.0.1"]);
    const seen = JSON.parse((await send(port, { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.9" } })).body);
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.5", "203.0.113.9", ["127.0.0.1"])).toBe("10.0.0.5");
    expect(resolveClientAddress("::ffff:10.0.0.5", "1.2.3.4, 10.0.0.6", ["10.0.0.0/24"])).toBe("1.2.3.4");
    expect(resolveClientAddress("10.0.0.5", "not-an-address", ["10.0.0.0/24"])).toBe("10.0.0.5");
  });
});

describe("request bodies", () => {
  it("refuses a 20 MB body with 413 before reading it", async () => {
    const port = await start([]);
    const answer = await send(port, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": 20_000_000 },
      body: "x".repeat(1024),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toBe(
      `the request body is larger than ${MAX_BODY_BYTES.toLocaleString("en")} bytes`,
    );
    expect(bodyBytesRead).toBe(0);
  });

  it("refuses a body of unknown length with 411, and lets a small one through", async () => {
    const port = await start([]);
    const chunked = await send(port, { method: "POST", headers: { "transfer-encoding": "chunked" }, body: "{}" });
    expect(chunked.status).toBe(411);
    const small = await send(port, { method: "POST", headers: { "content-length": 2 }, body: "{}" });
    expect(small.status).toBe(200);
  });
});
