import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts, refreshPolicy } from './csp';

describe('the Content-Security-Policy', () => {
  it('allows scripts from the origin only, never eval or inline scripts by default', () => {
    const policy = contentSecurityPolicy([]);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain('frame-ancestors');
  });

  it('allows an inline script only by the hash of its exact text', () => {
    const html =
      '<head><script type="module">console.log(1)</script><script src="/a.js"></script></head>';
    expect(inlineScripts(html)).toEqual(['console.log(1)']);
    const hash = createHash('sha256').update('console.log(1)').digest('base64');
    expect(contentSecurityPolicy(inlineScripts(html))).toContain(`'sha256-${hash}'`);
  });
});

describe('refreshPolicy', () => {
  it('hashes the inline scripts the page holds after inlining', () => {
    const before = `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([])}" />\n<script type="module" src="./a.js"></script></head>`;
    const inlined = before.replace(
      '<script type="module" src="./a.js"></script>',
      () => '<script type="module">let $ = "$&";</script>',
    );
    const after = refreshPolicy(inlined);
    const hash = createHash('sha256').update('let $ = "$&";').digest('base64');
    expect(after).toContain(`'sha256-${hash}'`);
    expect(after).toContain('<script type="module">let $ = "$&";</script>');
    expect(after.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});
