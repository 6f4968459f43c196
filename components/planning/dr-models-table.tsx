// The seed article's DR models beside the cost band Meridian holds each to: what a model buys in
// recovery time and data loss, and what it should cost against one region.
import { Card } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { DR_COST_BANDS } from "@/lib/cost";
import { formatBandRange } from "@/lib/format";
import { label } from "@/lib/topology/words";

import { DR_MODEL_FACTS } from "./dr-models";

export function DrModelsTable() {
  return (
    <Card title="DR models">
      <Table caption="DR models with their recovery time, recovery point and cost band">
        <thead>
          <tr>
            <Th>Model</Th>
            <Th>RTO</Th>
            <Th>RPO</Th>
            <Th>Cost (article)</Th>
            <Th>Cost band vs one region</Th>
            <Th>Best for</Th>
          </tr>
        </thead>
        <tbody>
          {DR_MODEL_FACTS.map((facts) => {
            const band = DR_COST_BANDS[facts.model];
            return (
              <tr key={facts.model}>
                <Td className="font-medium">{label(facts.model)}</Td>
                <Td>{facts.rto}</Td>
                <Td>{facts.rpo}</Td>
                <Td>{facts.cost}</Td>
                <Td>
                  <span className="tabular-nums">{formatBandRange(band)}</span>
                  <div className="text-xs text-slate-500">{band.source}</div>
                </Td>
                <Td className="text-slate-600 dark:text-slate-400">{facts.bestFor}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <p className="mt-3 text-xs text-slate-500">
        RTO, RPO and cost words: &ldquo;Multi-Region Deployment 2026&rdquo; (seed article), after AWS&rsquo;s four DR
        strategies. Bands marked &ldquo;Meridian assumption&rdquo; are ours: the article only ranks those models
        &ldquo;Low&rdquo; and &ldquo;Lowest&rdquo;.
      </p>
    </Card>
  );
}
