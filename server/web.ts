// The web process: Next.js behind Node's HTTP server, so that the socket's address is known
// (client-address.ts) and oversized bodies are refused before they are read (edge.ts). Listens on
// HOST (127.0.0.1 unless told otherwise) and PORT. `--dev` serves with hot reload.
import { createServer } from "node:http";

import next from "next";

import { env } from "@/server/env";
import { prepareRequest } from "@/server/http/edge";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const { HOST: host, MERIDIAN_TRUSTED_PROXIES: trustedProxies } = env();

const app = next({ dev, hostname: host, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  if (prepareRequest(req, res, { trustedProxies })) void handle(req, res);
});
server.listen(port, host, () => console.log(`[web] listening on http://${host}:${port}`));

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
