export const root: string;
export const bin: (name: string) => string;
export function say(message: string): void;
export function run(
  command: string,
  args: string[],
  options?: { env?: Record<string, string>; quiet?: boolean },
): unknown;
export function serve(
  command: string,
  args: string[],
  options?: { env?: Record<string, string> },
): import("node:child_process").ChildProcess;
export function isStale(output: string, inputs: string[]): boolean;
export function ensureDependencies(): void;
export const BUILD_INPUTS: string[];
export function ensureBuild(): void;
