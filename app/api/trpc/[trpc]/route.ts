import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { MAX_BATCH_SIZE } from "@/lib/api-limits";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { originRefusal } from "@/server/http/same-origin";

const handler = (request: Request) => {
  // Mutations are POSTs (queries and subscriptions are GETs): each must come from our own origin.
  const refusal = request.method === "POST" ? originRefusal(request.headers) : null;
  if (refusal)
    return Response.json(
      { error: { message: refusal, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } },
      { status: 403 },
    );
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createTRPCContext({ headers: request.headers }),
  });
};

export { handler as GET, handler as POST };
