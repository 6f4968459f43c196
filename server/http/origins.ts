// The origins the console is served from: MERIDIAN_URL's, and its twin when it names localhost or
// 127.0.0.1 (the same console is often reached as both). Sign-in and every tRPC mutation accept
// requests only from these.
import { env } from "@/server/env";

export function trustedOrigins(baseUrl = env().MERIDIAN_URL): string[] {
  const url = new URL(baseUrl);
  const origins = new Set([url.origin]);
  const port = url.port ? `:${url.port}` : "";
  if (url.hostname === "localhost") origins.add(`${url.protocol}//127.0.0.1${port}`);
  if (url.hostname === "127.0.0.1") origins.add(`${url.protocol}//localhost${port}`);
  return [...origins];
}
