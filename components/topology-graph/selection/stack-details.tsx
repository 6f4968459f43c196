// A stack component: its tier and size.
import { label, sizeLabel } from "@/lib/topology/words";

import { Fact, Facts, type Context, type Described } from "./facts";

export function describeStack(componentId: string, { deployment }: Context): Described | null {
  const placement = deployment.regions.find((one) => one.stack.some((component) => component.id === componentId));
  const component = placement?.stack.find((one) => one.id === componentId);
  if (!placement || !component) return null;
  return {
    kindLabel: "Stack component",
    title: `${label(component.kind)} in ${placement.region.code}`,
    content: (
      <Facts>
        <Fact term="Tier">{label(component.tier)}</Fact>
        <Fact term="Instances">{sizeLabel(component)}</Fact>
      </Facts>
    ),
  };
}
