// Reads public/_headers, the static-host headers file that holds the app's Content-Security-Policy,
// for the build (vite.config.ts: the <meta> in index.html, `vite preview`) and the e2e server
// (tests/e2e/staticServer.mjs). Plain JS so that the server and the benchmark run on Node 20 without
// a TypeScript loader.
//
// The format (Netlify, Cloudflare Pages): a line with a URL path pattern starts a rule; the indented
// `Name: value` lines under it are the headers for every path that matches; `#` starts a comment.
// Patterns here: exact paths and `*` (any characters, `/` included), all that our file uses.

/** @typedef {{ pattern: string, headers: [string, string][] }} HeaderRule */

/**
 * @param {string} text the file's contents
 * @returns {HeaderRule[]}
 */
export function parseHeadersFile(text) {
  /** @type {HeaderRule[]} */
  const rules = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: content, headers: [] });
      return;
    }
    const colon = content.indexOf(':');
    const rule = rules.at(-1);
    if (colon <= 0 || rule === undefined) {
      throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path, got "${content}"`);
    }
    rule.headers.push([content.slice(0, colon).trim(), content.slice(colon + 1).trim()]);
  });
  return rules;
}

/** @param {string} pattern @param {string} pathname */
function matches(pattern, pathname) {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The headers a host sends for `pathname`: those of every matching rule, in file order; a header
 * named by several rules gets their values joined with ", ", as Netlify and Cloudflare do.
 * @param {HeaderRule[]} rules
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function headersForPath(rules, pathname) {
  /** @type {Map<string, [string, string]>} lower-case name → [name as written, value] */
  const merged = new Map();
  for (const rule of rules) {
    if (!matches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const previous = merged.get(name.toLowerCase());
      merged.set(name.toLowerCase(), previous ? [previous[0], `${previous[1]}, ${value}`] : [name, value]);
    }
  }
  return Object.fromEntries(merged.values());
}

// Directives that browsers ignore (and complain about in the console) in a <meta> policy.
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/**
 * The part of a Content-Security-Policy that a `<meta http-equiv>` can carry.
 * @param {string} policy
 * @returns {string}
 */
export function policyForMeta(policy) {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !HEADER_ONLY_DIRECTIVES.has(directive.split(/\s+/)[0]?.toLowerCase() ?? ''))
    .join('; ');
}
