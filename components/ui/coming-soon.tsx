import { EmptyState } from "./layout";

/** An empty section that says what will come there, so nobody mistakes it for a broken page. */
export function ComingSoon({ title, items }: { title: string; items: string[] }) {
  return (
    <EmptyState title={title}>
      <ul className="mt-2 list-disc space-y-1 text-left">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </EmptyState>
  );
}
