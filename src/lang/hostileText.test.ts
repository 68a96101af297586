// Hostile scenario text: huge, deeply nested, NUL bytes, bytes that were not UTF-8, invisible
// characters in names, markup in titles and notes. Each gets a message with a line and column or
// is kept as plain text; nothing throws (docs/reliability.md).
import { describe, expect, it } from 'vitest';
import { compileScenario } from './scenario';

const HEAD = '// @scenario s\n// @title t\n// @teaches t\n// @space a\n// @thread t space=a\n';
const errors = (text: string): string[] =>
  compileScenario(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.column}: ${d.message}`);

describe('hostile scenario text', () => {
  it('1 MB of statements compiles', () => {
    const text = `${HEAD}void t(void) {\n  L4_Word_t x;\n${'  x = x + 1;\n'.repeat(80_000)}}\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(errors(text)).toEqual([]);
  });
  it('10,000-deep nesting: one message at the 201st level', () => {
    expect(errors(`${HEAD}void t(void) { ${'{'.repeat(10_000)}${'}'.repeat(10_000)} }\n`)[0]).toBe(
      '6:216: the code is nested too deeply here (more than 200 levels)',
    );
  });
  it('NUL, U+FFFD (bytes that were not UTF-8), zero-width and right-to-left marks in names', () => {
    const at = (c: string) => errors(`${HEAD}void t(void) { L4_Word_t a${c}b = 1; }\n`)[0];
    expect(at('\0')).toBe('6:27: unexpected character U+0000');
    expect(at('\uFFFD')).toBe('6:27: unexpected character U+FFFD');
    expect(at('\u200B')).toBe('6:27: unexpected character U+200B');
    expect(at('\u202E')).toBe('6:27: unexpected character U+202E');
    expect(at('\u061C')).toBe('6:27: unexpected character U+061C');
    // In a thread name on the header line too.
    const header =
      '// @scenario s\n// @title t\n// @teaches t\n// @space a\n// @thread t\u202Eevil space=a\n';
    expect(errors(`${header}void t(void) { }\n`)).toContain(
      "5:12: expected a thread name after '@thread' (a C identifier, not a keyword), found 't\u202Eevil'",
    );
  });
  it('markup in titles and notes stays text: kept verbatim, never interpreted', () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const text = `// @scenario s\n// @title ${title}\n// @teaches <b onmouseover=alert(3)>x</b>\n// @space a\n// @thread t space=a\nvoid t(void) {\n  //! <img src=x onerror=alert(4)>\n  L4_Yield();\n}\n`;
    const r = compileScenario(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.title).toBe(title);
      expect(r.scenario.teaches).toBe('<b onmouseover=alert(3)>x</b>');
    }
    expect(errors(`${HEAD.replace('@thread t', '@thread <script>')}void t(void) { }\n`)).toContain(
      "5:12: expected a thread name after '@thread' (a C identifier, not a keyword), found '<script>'",
    );
  });
});
