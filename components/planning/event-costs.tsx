"use client";

// What one switchover, failback or failover costs on this deployment, line by line with the
// assumptions behind it. The Operations pages quote these figures before an operator acts.
import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";
import { Card } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsd } from "@/lib/format";
import { EVENT_KINDS } from "@/lib/planning/contracts";
import { CATEGORY_LABEL } from "@/lib/planning/words";

const KIND_TITLE: Record<(typeof EVENT_KINDS)[number], string> = {
  SWITCHOVER: "Switchover",
  FAILBACK: "Failback",
  FAILOVER: "Failover",
};

export function EventCosts({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const events = useQuery(trpc.planning.eventCosts.queryOptions({ deploymentId }));
  return (
    <Card title="Event costs">
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        The one-off cost of each operational event on the deployment as it runs, for the Operations pages: they show it
        before a switchover, failback or failover is started. It comes on top of the monthly cost.
      </p>
      {events.isPending ? <p className="text-sm text-slate-500">Loading event costs…</p> : null}
      {events.isError ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errorMessage(events.error)}
        </p>
      ) : null}
      {events.data ? (
        <div className="grid gap-4 xl:grid-cols-3">
          {EVENT_KINDS.map((kind) => {
            const event = events.data.find((entry) => entry.kind === kind);
            return (
              <section
                key={kind}
                aria-label={`${KIND_TITLE[kind]} cost`}
                className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
              >
                <header className="flex items-baseline justify-between gap-2">
                  <h3 className="text-sm font-semibold">{KIND_TITLE[kind]}</h3>
                  <span className="tabular-nums font-semibold">{event ? formatUsd(event.totalUsd) : "n/a"}</span>
                </header>
                {!event ? (
                  <p className="text-xs text-slate-500">Not priced for this deployment.</p>
                ) : (
                  <>
                    {event.lines.length === 0 ? (
                      <p className="text-xs text-slate-500">Nothing billable.</p>
                    ) : (
                      <Table caption={`${KIND_TITLE[kind]} cost lines`}>
                        <thead>
                          <tr>
                            <Th>Line</Th>
                            <Th className="text-right">Quantity</Th>
                            <Th className="text-right">Cost</Th>
                          </tr>
                        </thead>
                        <tbody>
                          {event.lines.map((line, index) => (
                            <tr key={`${line.description}-${index}`}>
                              <Td>
                                {line.description}
                                <div className="text-xs text-slate-500">
                                  {CATEGORY_LABEL[line.category]}
                                  {line.regionCode ? ` · ${line.regionCode}` : ""} ·{" "}
                                  {formatUsd(line.unitPriceUsd, "unitPrice")} per {line.unit}
                                </div>
                              </Td>
                              <Td className="text-right tabular-nums">
                                {+line.quantity.toFixed(2)} <span className="text-xs text-slate-500">{line.unit}</span>
                              </Td>
                              <Td className="text-right tabular-nums">{formatUsd(line.usd)}</Td>
                            </tr>
                          ))}
                        </tbody>
                      </Table>
                    )}
                    {event.assumptions.length > 0 ? (
                      <div>
                        <h4 className="text-xs font-medium text-slate-600 dark:text-slate-400">Assumptions</h4>
                        <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-600 dark:text-slate-400">
                          {event.assumptions.map((assumption) => (
                            <li key={assumption}>{assumption}</li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                  </>
                )}
              </section>
            );
          })}
        </div>
      ) : null}
    </Card>
  );
}
