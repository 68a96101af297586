import { describe, expect, it } from 'vitest';
import { kindCases } from '../kernel/abi/vectors/kindCases';
import { WORD_KINDS } from '../kernel/abi/kinds';
import { needsStdin, runCli } from './runCli';

const cases = kindCases();

/** Runs a command that must succeed and returns its one JSON line, parsed. */
function json(args: string[], stdin?: string): unknown {
  const result = runCli(args, stdin);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout.endsWith('\n')).toBe(true);
  expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout);
}

describe('the examples of docs/cli.md', () => {
  it('decode msgtag 0x12340005', () => {
    expect(runCli(['decode', 'msgtag', '0x12340005'])).toEqual({
      stdout:
        '{"raw":"0x12340005","label":"0x1234","u":5,"t":0,"flags":0,"propagated":false,"redirected":false,"xcpu":false,"error":false}\n',
      stderr: '',
      code: 0,
    });
  });
  it('encode mapitem fpage=0x300147 sndBase=0x300000', () => {
    expect(runCli(['encode', 'mapitem', 'fpage=0x300147', 'sndBase=0x300000']).stdout).toBe(
      '{"words":["0x300008","0x300147"]}\n',
    );
  });
  it('encode threadid threadNo=0x42 version=1 --abi ia32', () => {
    const args = ['encode', 'threadid', 'threadNo=0x42', 'version=1', '--abi', 'ia32'];
    expect(runCli(args).stdout).toBe('{"raw":"0x108001"}\n');
    expect(runCli(['encode', 'threadid', 'threadNo=66', 'version=1', '--abi=ia32']).stdout).toBe(
      '{"raw":"0x108001"}\n',
    );
  });
  it('decode msgtag 0x100000000 --abi ia32 is wider than ia32', () => {
    expect(runCli(['decode', 'msgtag', '0x100000000', '--abi', 'ia32'])).toEqual({
      stdout: '',
      stderr: '0x100000000 is wider than an ia32 word (32 bits)\n',
      code: 2,
    });
    expect(json(['decode', 'msgtag', '0x100000000'])).toMatchObject({ label: '0x10000' });
  });
});

describe('every kind, both ABIs, against the reference vectors', () => {
  it('has encode and decode cases for every kind on both ABIs', () => {
    for (const kind of WORD_KINDS) {
      for (const abi of ['amd64', 'ia32']) {
        expect(cases.some((c) => c.kind === kind && c.abi === abi && c.params)).toBe(true);
      }
    }
  });

  const encodes = cases.flatMap((c) => (c.params ? [[c.name, c] as const] : []));
  it.each(encodes)('encode %s', (_n, c) => {
    const params = Object.entries(c.params ?? {}).map(([k, v]) => `${k}=${v}`);
    expect(json(['encode', c.kind, ...params, '--abi', c.abi])).toEqual(c.encoded);
  });

  it.each(cases.map((c) => [c.name, c] as const))('decode %s', (_n, c) => {
    expect(json(['decode', c.kind, ...c.words, '--abi', c.abi])).toMatchObject(c.decoded);
  });

  it('defaults to amd64', () => {
    expect(json(['encode', 'threadid', 'threadNo=0x42', 'version=1'])).toEqual({
      raw: '0x4200000001',
    });
  });
});

describe('batch', () => {
  it('runs one command per line, reports a bad line as {"error"} and goes on', () => {
    const stdin = [
      'decode msgtag 0x12340005',
      '',
      'encode threadid threadNo=0x42 version=1 --abi ia32',
      'decode fpage 0xnope',
      '   ',
      'encode time us=1000000',
      'help',
    ].join('\n');
    expect(needsStdin(['batch'])).toBe(true);
    const result = runCli(['batch'], `${stdin}\n`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      '{"raw":"0x12340005","label":"0x1234","u":5,"t":0,"flags":0,"propagated":false,"redirected":false,"xcpu":false,"error":false}',
      '{"raw":"0x108001"}',
      `{"error":"not a number: '0xnope' (use decimal or 0x hex)"}`,
      '{"raw":"0x2bd0"}',
      `{"error":"'help' cannot run inside batch"}`,
      '',
    ]);
  });
  it('prints nothing for empty input and refuses arguments', () => {
    expect(runCli(['batch'], '')).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(runCli(['batch'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(runCli(['batch', 'x'], '').code).toBe(2);
    expect(needsStdin(['decode'])).toBe(false);
  });
});

describe('help', () => {
  it('lists every command and every kind with its keys', () => {
    const result = runCli(['help']);
    expect(result.code).toBe(0);
    for (const word of ['encode <kind>', 'decode <kind>', 'batch', ...WORD_KINDS]) {
      expect(result.stdout).toContain(word);
    }
    expect(result.stdout).toContain('base= (sizeLog2= | size=) [rights=]');
  });
});

describe('bad input: one line on stderr, exit code 2', () => {
  const KINDS = WORD_KINDS.join(', ');
  it.each([
    ['no command', [], 'missing command (commands: encode, decode, batch, list, check, run, help)'],
    [
      'unknown command',
      ['frobnicate'],
      "unknown command 'frobnicate' (commands: encode, decode, batch, list, check, run, help)",
    ],
    ['unknown kind (decode)', ['decode', 'tag', '1'], `unknown kind 'tag' (kinds: ${KINDS})`],
    ['unknown kind (encode)', ['encode', 'page', 'a=1'], `unknown kind 'page' (kinds: ${KINDS})`],
    ['missing kind', ['decode'], `decode: missing kind (kinds: ${KINDS})`],
    ['missing key', ['encode', 'msgtag', 'label=1', 'u=1', 't=0'], "msgtag: missing key 'flags'"],
    ['missing size', ['encode', 'fpage', 'base=0'], "fpage: missing key 'sizeLog2' (or 'size')"],
    [
      'unknown key',
      ['encode', 'threadid', 'threadNo=1', 'version=1', 'colour=red'],
      "threadid: unknown key 'colour' (keys: threadNo, version)",
    ],
    [
      'not key=value',
      ['encode', 'threadid', 'threadNo'],
      "encode threadid: expected key=value, got 'threadNo'",
    ],
    ['key twice', ['encode', 'time', 'us=1', 'us=2'], "encode time: key 'us' given twice"],
    [
      'not a number (encode)',
      ['encode', 'threadid', 'threadNo=forty', 'version=1'],
      "threadid: threadNo: not a number: 'forty' (use decimal or 0x hex)",
    ],
    [
      'not a number (decode)',
      ['decode', 'msgtag', '12ab'],
      "not a number: '12ab' (use decimal or 0x hex)",
    ],
    ['negative number', ['decode', 'msgtag', '-1'], "not a number: '-1' (use decimal or 0x hex)"],
    [
      'word wider than amd64',
      ['decode', 'fpage', '0x10000000000000000'],
      '0x10000000000000000 is wider than an amd64 word (64 bits)',
    ],
    [
      'encode value wider than ia32',
      ['encode', 'mapitem', 'fpage=0x100000000', 'sndBase=0', '--abi', 'ia32'],
      'mapitem: fpage: 0x100000000 is wider than an ia32 word (32 bits)',
    ],
    [
      'time wider than 16 bits',
      ['decode', 'time', '0x10000'],
      '0x10000 is wider than an L4_Time_t (16 bits)',
    ],
    ['too few words', ['decode', 'mapitem', '0x300008'], 'mapitem takes 2 words, got 1'],
    ['too many words', ['decode', 'msgtag', '1', '2'], 'msgtag takes 1 word, got 2'],
    ['no word', ['decode', 'errorcode'], 'errorcode takes 1 word, got 0'],
    ['bad --abi', ['decode', 'msgtag', '1', '--abi', 'arm'], "bad --abi 'arm' (use amd64 or ia32)"],
    ['bad --abi=', ['decode', 'msgtag', '1', '--abi=x86'], "bad --abi 'x86' (use amd64 or ia32)"],
    [
      '--abi without value',
      ['decode', 'msgtag', '1', '--abi'],
      '--abi needs a value (amd64 or ia32)',
    ],
    [
      '--abi twice',
      ['decode', 'msgtag', '1', '--abi', 'ia32', '--abi', 'ia32'],
      '--abi given twice',
    ],
    [
      'unknown option',
      ['decode', 'msgtag', '1', '--hex'],
      "unknown option '--hex' (the only option is --abi amd64|ia32)",
    ],
    [
      'bad phase',
      ['encode', 'errorcode', 'phase=both', 'code=1', 'offset=0'],
      "errorcode: phase must be send or receive, got 'both'",
    ],
    [
      'bad strings',
      ['encode', 'acceptor', 'window=0x10', 'strings=yes'],
      "acceptor: strings: not a number: 'yes' (use decimal or 0x hex)",
    ],
  ])('%s', (_name, args, message) => {
    expect(runCli(args)).toEqual({ stdout: '', stderr: `${message}\n`, code: 2 });
  });
});
