"use client";

// The deployment as it runs today, priced in the browser from the catalog: the total, where it goes
// (category, region, line by line) and how it sits against its DR model's band.
import Link from "next/link";

import { Badge, Card } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { COST_CATEGORIES, type TCostResult, type TEstateCost } from "@/lib/cost";
import { formatUsd } from "@/lib/format";
import { CATEGORY_LABEL } from "@/lib/planning/words";
import { label } from "@/lib/topology/words";

import { BandSummary } from "./band-summary";

const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–");

export function BaselineSection({ baseline, catalogDate }: { baseline: TCostResult; catalogDate: string }) {
  const pricesAsOf = (
    <p className="text-xs text-slate-500">
      Prices as of {catalogDate} (
      <Link href="/planning/catalog" className="text-sky-700 hover:underline dark:text-sky-400">
        price catalog
      </Link>
      )
    </p>
  );
  if (!baseline.ok) {
    return (
      <Card title="Baseline">
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          The cost model could not price this deployment: {baseline.error}
        </p>
        {pricesAsOf}
      </Card>
    );
  }
  const { cost } = baseline;
  return (
    <Card title="Baseline: the deployment as it runs">
      <div className="space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Monthly cost</p>
            <p className="text-2xl font-semibold tabular-nums" data-testid="baseline-total">
              {formatUsd(cost.totalMonthlyUsd)}
            </p>
            {pricesAsOf}
          </div>
          <div className="max-w-2xl">
            <BandSummary cost={cost} />
          </div>
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          <CategoryTable cost={cost} />
          <RegionTable cost={cost} />
        </div>
        <CostLines cost={cost} />
      </div>
    </Card>
  );
}

function CategoryTable({ cost }: { cost: TEstateCost }) {
  return (
    <Table caption="Baseline monthly cost by category">
      <thead>
        <tr>
          <Th>Category</Th>
          <Th className="text-right">Monthly</Th>
          <Th className="text-right">Share</Th>
        </tr>
      </thead>
      <tbody>
        {COST_CATEGORIES.map((category) => (
          <tr key={category}>
            <Td>
              {CATEGORY_LABEL[category]}
              {category === "transfer" ? <TransferParts cost={cost} /> : null}
            </Td>
            <Td className="text-right tabular-nums">{formatUsd(cost.byCategory[category])}</Td>
            <Td className="text-right tabular-nums text-slate-500">
              {share(cost.byCategory[category], cost.totalMonthlyUsd)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * What the transfer figure is made of, in its own row: the replication between regions (the
 * article's $600 a month for 1 TB a day) is a decision the plan is about, and would otherwise hide
 * behind user egress in one sum.
 */
function TransferParts({ cost }: { cost: TEstateCost }) {
  const parts = cost.lines.filter((line) => line.category === "transfer");
  if (parts.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-500" aria-label="Transfer lines">
      {parts.map((line, index) => (
        <li key={`${line.description}-${index}`} className="flex justify-between gap-3">
          <span>{line.description}</span>
          <span className="tabular-nums">{formatUsd(line.monthlyUsd)}</span>
        </li>
      ))}
    </ul>
  );
}

function RegionTable({ cost }: { cost: TEstateCost }) {
  // Routing and user egress belong to no region: say so, or the region rows seem not to add up.
  const regionsUsd = cost.byRegion.reduce((total, region) => total + region.monthlyUsd, 0);
  return (
    <div>
      <Table caption="Baseline monthly cost by region">
        <thead>
          <tr>
            <Th>Region</Th>
            <Th className="text-right">Stack</Th>
            <Th className="text-right">Replication sent</Th>
            <Th className="text-right">Monthly</Th>
          </tr>
        </thead>
        <tbody>
          {cost.byRegion.map((region) => (
            <tr key={region.regionId}>
              <Td>
                <span className="font-medium">{region.regionCode}</span>{" "}
                <span className="text-xs text-slate-500">{label(region.provider)}</span>{" "}
                {region.isPrimary ? <Badge tone="info">primary</Badge> : null}
              </Td>
              <Td className="text-right tabular-nums">{formatUsd(region.stackMonthlyUsd)}</Td>
              <Td className="text-right tabular-nums">{formatUsd(region.replicationMonthlyUsd)}</Td>
              <Td className="text-right tabular-nums">{formatUsd(region.monthlyUsd)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="mt-2 text-xs text-slate-500">
        Estate-wide (routing, user egress): {formatUsd(cost.totalMonthlyUsd - regionsUsd)}
      </p>
    </div>
  );
}

function CostLines({ cost }: { cost: TEstateCost }) {
  return (
    <details className="rounded-md border border-slate-200 dark:border-slate-800">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">All {cost.lines.length} cost lines</summary>
      <Table caption="Baseline cost lines">
        <thead>
          <tr>
            <Th>Category</Th>
            <Th>Region</Th>
            <Th>Line</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Unit price</Th>
            <Th className="text-right">Monthly</Th>
          </tr>
        </thead>
        <tbody>
          {cost.lines.map((line, index) => (
            <tr key={`${line.category}-${line.regionCode ?? "estate"}-${index}`}>
              <Td>{CATEGORY_LABEL[line.category]}</Td>
              <Td>{line.regionCode ?? <span className="text-slate-500">estate-wide</span>}</Td>
              <Td>{line.description}</Td>
              <Td className="text-right tabular-nums">
                {+line.quantity.toFixed(2)} <span className="text-xs text-slate-500">{line.unit}</span>
              </Td>
              <Td className="text-right tabular-nums">{formatUsd(line.unitPriceUsd, "unitPrice")}</Td>
              <Td className="text-right tabular-nums">{formatUsd(line.monthlyUsd)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  );
}
