// The measured RTO split by phase, in the order the phases ran, beside what the plan estimated for
// each (approvals, not estimated, show a dash) and the difference.
import { Table, Td, Th } from "@/components/ui/table";
import { formatSeconds } from "@/lib/format";
import { type TPhaseMeasure, type TPlanEstimate } from "@/lib/operations/contracts";
import { PHASE_LABELS } from "@/lib/operations/words";

const plain = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? "—" : +seconds.toFixed(2);
const diff = (measured: number | null, estimated: number | undefined) =>
  measured === null || estimated === undefined
    ? "—"
    : `${measured - estimated >= 0 ? "+" : "−"}${+Math.abs(measured - estimated).toFixed(2)}`;

export function PhaseTable({
  phases,
  total,
  estimate,
}: {
  phases: readonly TPhaseMeasure[];
  total: number | null;
  estimate?: Pick<TPlanEstimate, "byPhase" | "rtoSeconds">;
}) {
  return (
    <Table caption="Write outage by phase: measured and estimated">
      <thead>
        <tr>
          <Th>Phase</Th>
          <Th className="text-right">Measured (s)</Th>
          {estimate ? <Th className="text-right">Estimated (s)</Th> : null}
          {estimate ? <Th className="text-right">Difference</Th> : null}
        </tr>
      </thead>
      <tbody>
        {phases.map((measure, index) => (
          <tr key={`${measure.phase}-${index}`} data-testid={`phase-${measure.phase}`}>
            <Td>{PHASE_LABELS[measure.phase]}</Td>
            <Td className="text-right tabular-nums" title={formatSeconds(measure.seconds)}>
              {+measure.seconds.toFixed(2)}
            </Td>
            {estimate ? <Td className="text-right tabular-nums">{plain(estimate.byPhase[measure.phase])}</Td> : null}
            {estimate ? (
              <Td className="text-right tabular-nums">{diff(measure.seconds, estimate.byPhase[measure.phase])}</Td>
            ) : null}
          </tr>
        ))}
        <tr>
          <Td className="font-semibold">Measured RTO</Td>
          <Td className="text-right font-semibold tabular-nums">{total === null ? "—" : +total.toFixed(2)}</Td>
          {estimate ? <Td className="text-right font-semibold tabular-nums">{plain(estimate.rtoSeconds)}</Td> : null}
          {estimate ? (
            <Td className="text-right font-semibold tabular-nums" data-testid="rto-difference">
              {diff(total, estimate.rtoSeconds)}
            </Td>
          ) : null}
        </tr>
      </tbody>
    </Table>
  );
}
