import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { main, type CliIo } from './index';

const clean = {
  family: 'web',
  revision: 3,
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx',
      readonlyRootFilesystem: true,
      linuxParameters: {
        tmpfs: [
          {
            containerPath: '/tmp',
            size: 64,
            mountOptions: ['noexec', 'nosuid', 'nodev'],
          },
        ],
      },
    },
  ],
};

// pretty-printed so findings land on distinct lines
const broken = JSON.stringify(
  {
    taskDefinition: {
      ...clean,
      family: 'broken',
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx',
          linuxParameters: {
            tmpfs: [
              {
                containerPath: '/tmp',
                size: 64,
                mountOptions: ['noexec', 'mode'],
              },
            ],
          },
        },
      ],
    },
  },
  null,
  2,
);

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return text.slice(0, index).split('\n').length;
}

describe('ecs-tmpfs CLI', () => {
  let dir: string;
  let out: string;
  let err: string;
  let stdin: string;
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    readStdin: async () => stdin,
  };
  const file = (name: string) => join(dir, name);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecs-tmpfs-cli-'));
    out = '';
    err = '';
    stdin = '';
    await writeFile(file('clean.json'), JSON.stringify(clean));
    await writeFile(file('broken.json'), broken);
    await writeFile(
      file('bad.json'),
      '{\n  "family": "x",\n  "cpu": "256"\n  "memory": "512"\n}\n',
    );
    await writeFile(file('not-td.json'), '{"family": "x"}');
    await writeFile(file('deep.json'), '['.repeat(100_000));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  it('exits 0 for a clean file and prints the text summary', async () => {
    expect(await main(['lint', file('clean.json')], io)).toBe(0);
    expect(process.exitCode).toBe(0);
    expect(out).toContain('web:3');
    expect(out).toContain('no findings');
    expect(out).toContain('headroom unknown');
    expect(out).toContain(
      '0 errors, 0 warnings, 0 info in 1 task definition (1 file)',
    );
  });

  it('exits 1 on an error finding and groups text output by container with line numbers', async () => {
    expect(await main(['lint', file('broken.json')], io)).toBe(1);
    expect(out).toContain('container "app"');
    const line = lineOf(broken, '"mode"');
    expect(out).toMatch(
      new RegExp(`error +tmpfs-option-needs-value +.*broken\\.json:${line}:`),
    );
    expect(out).toContain('fix: Write it as key=value');
  });

  it('honours --fail-on', async () => {
    expect(
      await main(['lint', '--fail-on', 'none', file('broken.json')], io),
    ).toBe(0);
    const warningOnly = {
      ...clean,
      containerDefinitions: [
        { ...clean.containerDefinitions[0], readonlyRootFilesystem: false },
      ],
    };
    await writeFile(file('warn.json'), JSON.stringify(warningOnly));
    expect(await main(['lint', file('warn.json')], io)).toBe(0);
    expect(
      await main(['lint', '--fail-on=warning', file('warn.json')], io),
    ).toBe(1);
    expect(
      await main(['lint', '--fail-on', 'info', file('clean.json')], io),
    ).toBe(0);
  });

  it('prints JSON findings with the headroom summary', async () => {
    await main(
      [
        'lint',
        '--format',
        'json',
        '--observed-peak',
        '300',
        file('broken.json'),
        file('clean.json'),
      ],
      io,
    );
    const result = JSON.parse(out);
    expect(result).toHaveLength(2);
    expect(result[0].taskDefinition).toEqual({
      path: 'taskDefinition',
      family: 'broken',
      revision: 3,
    });
    expect(result[0].findings[0]).toEqual({
      ruleId: 'tmpfs-option-needs-value',
      severity: 'error',
      path: 'containerDefinitions[0].linuxParameters.tmpfs[0].mountOptions[1]',
      container: 'app',
      message: expect.stringContaining('"mode"'),
      fix: expect.any(String),
      line: lineOf(broken, '"mode"'),
      column: expect.any(Number),
    });
    expect(result[1].headroom).toMatchObject({
      status: 'ok',
      limitMiB: 512,
      observedPeakMiB: 300,
      headroomMiB: 148,
    });
  });

  it('prints SARIF 2.1.0 pointing at the right lines', async () => {
    expect(await main(['lint', '-f', 'sarif', file('broken.json')], io)).toBe(
      1,
    );
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.length).toBeGreaterThanOrEqual(25);
    const needsValue = run.results.find(
      (r: any) => r.ruleId === 'tmpfs-option-needs-value',
    );
    expect(run.tool.driver.rules[needsValue.ruleIndex].id).toBe(
      'tmpfs-option-needs-value',
    );
    expect(needsValue.level).toBe('error');
    const location = needsValue.locations[0].physicalLocation;
    expect(location.region.startLine).toBe(lineOf(broken, '"mode"'));
    expect(location.artifactLocation.uri).toMatch(/^file:\/\/.*broken\.json$/);
    const readonly = run.results.find(
      (r: any) => r.ruleId === 'readonly-root-disabled',
    );
    // the field is missing: the finding points at its container
    expect(readonly.locations[0].physicalLocation.region.startLine).toBe(
      lineOf(broken, '"name": "app"') - 1,
    );
    expect(readonly.level).toBe('warning');
  });

  it('reads standard input with -', async () => {
    stdin = JSON.stringify([clean, clean]);
    expect(await main(['lint', '-'], io)).toBe(0);
    expect(out).toContain('<stdin> [0]');
    expect(out).toContain('in 2 task definitions');
  });

  it.each([
    [
      ['lint', 'bad.json'],
      /bad\.json:4:3: Unexpected token "\\"", expected ',' or '}'/,
    ],
    [
      ['lint', 'not-td.json'],
      /not-td\.json: not a task definition: "containerDefinitions" must be an array/,
    ],
    [['lint', 'missing.json'], /missing\.json: cannot read: no such file/],
    [['lint', '.'], /: cannot read: is a directory/],
    [['lint', 'deep.json'], /deep\.json: JSON nested too deeply/],
  ])(
    'exits 2 with a one-line error for unusable input %p',
    async (argv, message) => {
      const args = argv.map(a =>
        a.endsWith('.json') || a === '.' ? file(a) : a,
      );
      expect(await main(args, io)).toBe(2);
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    },
  );

  it('still reports good files next to an unusable one, and exits 2', async () => {
    expect(await main(['lint', file('clean.json'), file('bad.json')], io)).toBe(
      2,
    );
    expect(out).toContain('web:3');
  });

  it.each([
    [['lint'], 'name at least one file'],
    [
      ['lint', '--format', 'xml', 'x.json'],
      '--format must be one of text, json, sarif, got "xml"',
    ],
    [['lint', '--fail-on', 'fatal', 'x.json'], '--fail-on must be one of'],
    [
      ['lint', '--observed-peak', 'lots', 'x.json'],
      '--observed-peak must be a number',
    ],
    [
      ['lint', '--headroom-threshold', '150%', 'x.json'],
      '--headroom-threshold must be',
    ],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['lint', '--nope', 'x.json'], 'unknown option "--nope"'],
  ])('exits 2 on usage error %p', async (argv, message) => {
    expect(await main(argv, io)).toBe(2);
    expect(err).toContain(message);
  });

  it('accepts a percent threshold and prints help', async () => {
    await main(
      [
        'lint',
        '--format=json',
        '--observed-peak',
        '350',
        '--headroom-threshold',
        '20%',
        file('clean.json'),
      ],
      io,
    );
    expect(JSON.parse(out)[0].headroom).toMatchObject({
      thresholdRatio: 0.2,
      status: 'low',
    });
    out = '';
    expect(await main(['--help'], io)).toBe(0);
    expect(out).toContain('Usage: ecs-tmpfs lint');
  });

  it('runs as a real process through bin/ecs-tmpfs', async () => {
    const bin = resolve(__dirname, '../bin/ecs-tmpfs');
    const run = promisify(execFile);
    const ok = await run(
      process.execPath,
      [bin, 'lint', '--format', 'json', file('clean.json')],
      { timeout: 60_000 },
    );
    expect(JSON.parse(ok.stdout)[0].findings).toEqual([]);
    const failed = await run(
      process.execPath,
      [bin, 'lint', file('bad.json')],
      { timeout: 60_000 },
    ).catch(e => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/bad\.json:4:3: Unexpected token/);
  }, 90_000);
});
