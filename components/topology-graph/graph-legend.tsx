// What the colours and line styles of the graph mean; drawn inside the canvas so it is in view.
export function GraphLegend() {
  const line = (style: string) => <span aria-hidden="true" className={`inline-block w-6 border-t-2 ${style}`} />;
  return (
    <ul
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400"
      aria-label="Legend"
    >
      <li className="flex items-center gap-1.5">{line("border-emerald-600 dark:border-emerald-400")} lag within RPO</li>
      <li className="flex items-center gap-1.5">
        {line("border-rose-600 dark:border-rose-400")} lag over RPO (moving)
      </li>
      <li className="flex items-center gap-1.5">{line("border-sky-600 dark:border-sky-400")} routing rule</li>
      <li className="flex items-center gap-1.5">
        {line("border-dashed border-slate-400 dark:border-slate-500")} drained or disabled
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="rounded bg-emerald-600 px-1 font-bold text-white">
          W
        </span>
        takes writes
      </li>
    </ul>
  );
}
