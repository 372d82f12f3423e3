import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/source.js';
import { codeFrame, countLine, githubAnnotations, printDiagnostics } from './diagnostics.js';
import type { CliIO } from './io.js';

function memoryIO(env: Record<string, string> = {}): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const io: CliIO = { stdout, stderr, stdin: new PassThrough(), env, cwd: '/nonexistent' };
  return { io, out: () => out, err: () => err };
}

const SOURCE = 'version: 1\nstack: s\nsharedBandwidth:\n  - name: web\n    isp: bgp\n    bandwidth: 10\n';
const ENUM: Diagnostic = {
  severity: 'error',
  code: 'bad-value',
  message: '`isp` must be one of BGP, BGP_PRO; found the string "bgp".',
  loc: { file: 's.yaml', line: 5, col: 10, path: 'sharedBandwidth[0].isp', end: { line: 5, col: 13 } },
  hint: 'did you mean "BGP"?',
};

describe('printDiagnostics (text)', () => {
  it('prints file:line:col, a framed excerpt with a caret underline and the suggestion', () => {
    const { io, err, out } = memoryIO();
    printDiagnostics([ENUM], io, { format: 'text', sources: { 's.yaml': SOURCE } });
    expect(err()).toBe(
      [
        's.yaml:5:10: error[bad-value]: `isp` must be one of BGP, BGP_PRO; found the string "bgp".',
        '   3 | sharedBandwidth:',
        '   4 |   - name: web',
        ' > 5 |     isp: bgp',
        '     |          ^^^ did you mean "BGP"?',
        '   6 |     bandwidth: 10',
        '',
      ].join('\n'),
    );
    expect(out()).toBe('');
  });

  it('prints hints and related places on their own lines, and no frame for file-level problems', () => {
    const { io, err } = memoryIO();
    const d: Diagnostic = {
      severity: 'error',
      code: 'file-binary',
      message: 'x is binary.',
      loc: { file: 's.yaml', line: 1, col: 1, path: '' },
      hint: 'h',
      related: { file: 'a.yaml', line: 2, col: 3, path: '' },
    };
    printDiagnostics([d], io, { format: 'text', sources: { 's.yaml': SOURCE } });
    expect(err()).toBe(
      's.yaml:1:1: error[file-binary]: x is binary.\n  = hint: h\n  = see also a.yaml:2:3\n',
    );
  });

  it('caps the list and says how many more there are', () => {
    const { io, err } = memoryIO();
    const many = Array.from({ length: 25 }, (_, i) => ({ ...ENUM, loc: { ...ENUM.loc!, line: i + 1 } }));
    printDiagnostics(many, io, { format: 'text', sources: {} });
    expect(err().match(/error\[bad-value\]/g)).toHaveLength(20);
    expect(err()).toContain('…and 5 more (--format json lists all)\n');
  });

  it('adds GitHub annotations on stdout under GITHUB_ACTIONS', () => {
    const { io, out } = memoryIO({ GITHUB_ACTIONS: 'true' });
    printDiagnostics([ENUM], io, { format: 'text', sources: { 's.yaml': SOURCE } });
    expect(out()).toBe(
      '::error file=s.yaml,line=5,col=10,title=bwsync bad-value::`isp` must be one of BGP, BGP_PRO; found the string "bgp". (did you mean "BGP"?)\n',
    );
  });
});

describe('printDiagnostics (json)', () => {
  it('prints one JSON document with counts and 1-based places', () => {
    const { io, out, err } = memoryIO();
    printDiagnostics([ENUM], io, { format: 'json', extra: { files: ['s.yaml'] } });
    expect(err()).toBe('');
    expect(JSON.parse(out())).toEqual({
      valid: false,
      errorCount: 1,
      warningCount: 0,
      files: ['s.yaml'],
      diagnostics: [
        {
          severity: 'error',
          code: 'bad-value',
          message: ENUM.message,
          file: 's.yaml',
          line: 5,
          col: 10,
          path: 'sharedBandwidth[0].isp',
          end: { line: 5, col: 13 },
          hint: 'did you mean "BGP"?',
        },
      ],
    });
  });
});

describe('helpers', () => {
  it('escapes workflow-command data and properties, and limits annotations per severity', () => {
    const d: Diagnostic = {
      severity: 'warning',
      code: 'c',
      message: 'a%b\nc',
      loc: { file: 'x:y,z.yaml', line: 1, col: 1, path: '' },
    };
    const text = githubAnnotations(Array.from({ length: 12 }, () => d));
    expect(text.split('\n')[0]).toBe('::warning file=x%3Ay%2Cz.yaml,line=1,col=1,title=bwsync c::a%25b%0Ac');
    expect(text.match(/^::warning/gm)).toHaveLength(10);
    expect(text).toContain('::notice title=bwsync::2 more diagnostics not annotated');
  });

  it('underlines to the end of the line when the value spans lines', () => {
    const frame = codeFrame(['a: |', '  text'], {
      file: 'f',
      line: 1,
      col: 4,
      path: '',
      end: { line: 2, col: 7 },
    });
    expect(frame).toContain(' > 1 | a: |\n     |    ^\n');
  });

  it('counts errors and warnings', () => {
    expect(countLine([])).toBeUndefined();
    expect(countLine([ENUM, { ...ENUM, severity: 'warning' }])).toBe('✖ 1 error, 1 warning in 1 file');
  });
});

describe('caret width without an end position', () => {
  const frameOf = (line: string, col: number) =>
    codeFrame([line], { file: 'f', line: 1, col, path: '' })
      .split('\n')[1]
      ?.replace(/^\s+\|\s/, '');
  it('underlines a plain scalar up to a comment, comma or bracket', () => {
    expect(frameOf('    isp: BGP_PRO  # note', 10)).toBe('         ^^^^^^^');
    expect(frameOf('  - { id: eip-1, bandwidth: 500 }', 11)).toBe('          ^^^^^');
    expect(frameOf('ips: [eip-a, eip-b]', 14)).toBe('             ^^^^^');
  });
  it('underlines a whole flow collection or quoted string', () => {
    expect(frameOf('  - { id: eip-1, bandwidth: [1, 2] } # x', 5)).toBe(
      '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    );
    expect(frameOf('d: "a, b"', 4)).toBe('   ^^^^^^');
  });
});
