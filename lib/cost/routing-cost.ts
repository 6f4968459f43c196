// Monthly cost of the global routing layer: what each product charges for, priced from the catalog.
import type { TCostLine } from "./cost-line";
import type { TPriceUnit } from "./price-keys";
import type { TPriceLookup } from "./price-lookup";
import type { TProvider, TRouting, TRoutingProduct } from "./schema";

type TRoutingCharge = {
  item: string;
  unit: TPriceUnit;
  description: string;
  quantity: (routing: TRouting) => number;
};

const perMonth = () => 1;
const dnsQueries = (routing: TRouting) => routing.dnsQueriesPerMonthMillions;
const healthChecks = (routing: TRouting) => routing.healthCheckCount;

/**
 * What each product bills (seed article, "Routing Solutions Comparison"): DNS products per query and
 * health check; proxies a base fee, and Front Door per request and per GB it delivers.
 */
export const ROUTING_CHARGES: Record<TRoutingProduct, { provider: TProvider; charges: TRoutingCharge[] }> = {
  ROUTE53: {
    provider: "AWS",
    charges: [
      { item: "route53.hosted-zone", unit: "month", description: "Route 53 hosted zone", quantity: perMonth },
      {
        item: "route53.dns-queries",
        unit: "million-queries",
        description: "Route 53 DNS queries",
        quantity: dnsQueries,
      },
      {
        item: "route53.health-check",
        unit: "health-check-month",
        description: "Route 53 health checks",
        quantity: healthChecks,
      },
    ],
  },
  AZURE_TRAFFIC_MANAGER: {
    provider: "AZURE",
    charges: [
      {
        item: "traffic-manager.dns-queries",
        unit: "million-queries",
        description: "Traffic Manager DNS queries",
        quantity: dnsQueries,
      },
      {
        item: "traffic-manager.health-check",
        unit: "health-check-month",
        description: "Traffic Manager endpoint health checks",
        quantity: healthChecks,
      },
    ],
  },
  CLOUDFLARE_LB: {
    provider: "CLOUDFLARE",
    charges: [
      { item: "cloudflare-lb.base", unit: "month", description: "Cloudflare Load Balancing plan", quantity: perMonth },
      {
        item: "cloudflare-lb.dns-queries",
        unit: "million-queries",
        description: "Cloudflare LB DNS queries",
        quantity: dnsQueries,
      },
      {
        item: "cloudflare-lb.health-check",
        unit: "health-check-month",
        description: "Cloudflare LB health checks",
        quantity: healthChecks,
      },
    ],
  },
  AZURE_FRONT_DOOR: {
    provider: "AZURE",
    // Health probes are part of the product; DNS is not what Front Door bills for.
    charges: [
      { item: "front-door.base", unit: "month", description: "Azure Front Door base fee", quantity: perMonth },
      {
        item: "front-door.requests",
        unit: "million-requests",
        description: "Azure Front Door requests",
        quantity: (routing) => routing.requestsPerMonthMillions,
      },
      {
        item: "front-door.egress",
        unit: "GB",
        description: "Azure Front Door transfer to users",
        quantity: (routing) => routing.internetEgressGbPerMonth,
      },
    ],
  },
  LAB: {
    provider: "LAB",
    charges: [
      {
        item: "lab-router.dns-queries",
        unit: "million-queries",
        description: "lab router DNS queries",
        quantity: dnsQueries,
      },
      {
        item: "lab-router.health-check",
        unit: "health-check-month",
        description: "lab router health checks",
        quantity: healthChecks,
      },
    ],
  },
};

export function routingLines(routing: TRouting, price: TPriceLookup): TCostLine[] {
  const { provider, charges } = ROUTING_CHARGES[routing.product];
  return charges.map((charge) => {
    const quantity = charge.quantity(routing);
    const unitPriceUsd = price(provider, charge.item, charge.unit);
    return {
      category: "routing",
      description: charge.description,
      quantity,
      unit: charge.unit,
      unitPriceUsd,
      monthlyUsd: quantity * unitPriceUsd,
    };
  });
}
