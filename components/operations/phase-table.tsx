// The measured RTO split by phase, in the order the phases ran.
import { Table, Td, Th } from "@/components/ui/table";
import { formatSeconds } from "@/lib/format";
import { type TPhaseMeasure } from "@/lib/operations/contracts";
import { PHASE_LABELS } from "@/lib/operations/words";

export function PhaseTable({ phases, total }: { phases: readonly TPhaseMeasure[]; total: number | null }) {
  return (
    <Table caption="Measured time by phase">
      <thead>
        <tr>
          <Th>Phase</Th>
          <Th className="text-right">Seconds</Th>
        </tr>
      </thead>
      <tbody>
        {phases.map((measure, index) => (
          <tr key={`${measure.phase}-${index}`} data-testid={`phase-${measure.phase}`}>
            <Td>{PHASE_LABELS[measure.phase]}</Td>
            <Td className="text-right tabular-nums" title={formatSeconds(measure.seconds)}>
              {+measure.seconds.toFixed(2)}
            </Td>
          </tr>
        ))}
        <tr>
          <Td className="font-semibold">Measured RTO</Td>
          <Td className="text-right font-semibold tabular-nums">{total === null ? "—" : +total.toFixed(2)}</Td>
        </tr>
      </tbody>
    </Table>
  );
}
