// Types for headersFile.mjs (plain JS so that the e2e server and the benchmark need no compiler).
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}
export declare function parseHeadersFile(text: string): HeaderRule[];
export declare function headersForPath(rules: HeaderRule[], pathname: string): Record<string, string>;
export declare function policyForMeta(policy: string): string;
