// Types for chromium.mjs, so Playwright's config (TypeScript) reads the same path.
export declare const DEFAULT_CHROMIUM_PATH: string;
export declare function chromiumPath(): string;
export declare function ensureChromium(options?: { say?: (message: string) => void }): "present" | "installed";
