// The Content-Security-Policy of the production build (and of the single offline file): scripts
// only from the page's own origin or, for inline scripts (the single file inlines its bundle), by
// their SHA-256 hash — never `unsafe-eval`, never `unsafe-inline` for scripts. Styles may be inline
// (React sets style attributes; the single file inlines its CSS). `frame-ancestors` is left open,
// so any deck may embed the page (and a meta tag could not set it anyway).
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy for a page whose inline scripts are `inline` (their exact text). */
export function contentSecurityPolicy(inline: readonly string[]): string {
  const scripts = ["'self'", ...inline.map(sha256)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Inline scripts of `html` (those without `src`), as the browser hashes them. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, attrs]) => !/\bsrc\s*=/.test(attrs ?? ''))
    .map(([, , body]) => body ?? '')
    .filter((body) => body.length > 0);
}

/** Adds the policy as a meta tag to the built page; runs last, after any inlining. */
export function cspPlugin(): Plugin {
  return {
    name: 'rendezvous-csp',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = contentSecurityPolicy(inlineScripts(html));
        return html.replace(
          /<head>/i,
          `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
        );
      },
    },
  };
}
