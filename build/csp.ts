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

const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;

/** `html` with its policy meta tag computed again from the inline scripts it holds now. */
export function refreshPolicy(html: string): string {
  const policy = contentSecurityPolicy(inlineScripts(html));
  return html.replace(
    POLICY_META,
    () => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
  );
}

/**
 * Adds the policy as a meta tag to each built page, then, once the bundle is written (after the
 * single-file build has inlined the scripts, so list this plugin after that one), hashes the
 * inline scripts again: the policy always matches the page's final text.
 */
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
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'asset' && file.fileName.endsWith('.html')) {
            const html =
              typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
            file.source = refreshPolicy(html);
          }
        }
      },
    },
  };
}
