// Types for staticServer.mjs (plain JS so that bench/run.mjs can use it without a compiler).
export declare const DIST_DIR: string;
export declare function assertBuilt(root?: string): void;
export declare function serveStatic(root?: string): Promise<{ url: string; close: () => Promise<void> }>;
