import payments from '../__fixtures__/payments-java-fargate.json';
import { cleanTaskDefinition } from '../testUtils';
import {
  parseCpuUnits,
  parseMemoryMiB,
  parseTaskDefinition,
  parseTaskDefinitionDocument,
  TaskDefinitionParseError,
} from './parse';

describe('parseTaskDefinitionDocument', () => {
  it('reads a DescribeTaskDefinition response with its tags', () => {
    const [parsed] = parseTaskDefinitionDocument(payments);
    expect(parsed.pathPrefix).toBe('taskDefinition');
    expect(parsed.raw).toBe(payments.taskDefinition);
    const { model } = parsed;
    expect(model).toMatchObject({
      family: 'payments-api',
      revision: 118,
      cpu: 2048,
      memory: 4096,
      requiresCompatibilities: ['FARGATE'],
      runtimePlatform: { operatingSystemFamily: 'LINUX' },
      tags: [{ key: 'team', value: 'payments' }],
    });
    expect(model.containers.map(c => c.name)).toEqual([
      'payments-api',
      'log-router',
      'datadog-agent',
    ]);
    const app = model.containers[0];
    expect(app).toMatchObject({
      index: 0,
      essential: true,
      user: '1000:1000',
      readonlyRootFilesystem: true,
      environment: {
        names: ['JAVA_TOOL_OPTIONS', 'SPRING_PROFILES_ACTIVE'],
        tempDirs: ['/tmp'],
      },
      secretNames: ['SIGNING_KEY'],
    });
    expect(JSON.stringify(app)).not.toContain('arn:aws:ssm');
    expect(model.containers[2].essential).toBe(false);
  });

  it('reads one task definition, an array, and { taskDefinitions }', () => {
    const td = cleanTaskDefinition();
    expect(parseTaskDefinitionDocument(td).map(p => p.pathPrefix)).toEqual([
      '',
    ]);
    expect(
      parseTaskDefinitionDocument([td, { taskDefinition: td }]).map(
        p => p.pathPrefix,
      ),
    ).toEqual(['[0]', '[1].taskDefinition']);
    expect(
      parseTaskDefinitionDocument({ taskDefinitions: [td, td] }).map(
        p => p.pathPrefix,
      ),
    ).toEqual(['taskDefinitions[0]', 'taskDefinitions[1]']);
  });

  it('keeps unknown fields in raw', () => {
    const td = { ...cleanTaskDefinition(), 'x-team': 'a', pidMode: 'task' };
    const [parsed] = parseTaskDefinitionDocument(td);
    expect(parsed.raw['x-team']).toBe('a');
    expect(Object.keys(parsed.raw)).toEqual(Object.keys(td));
  });

  it.each([
    [null, 'got null'],
    ['text', 'got "text"'],
    [{ family: 'x' }, '"containerDefinitions" must be an array (got missing)'],
    [[], 'empty array'],
    [
      [cleanTaskDefinition(), 5],
      '[1]: expected a task definition object, got 5',
    ],
    [
      { containerDefinitions: [1] },
      'containerDefinitions[0] is not a container definition object',
    ],
  ])('rejects %p with a one-line message', (doc, message) => {
    expect(() => parseTaskDefinitionDocument(doc)).toThrow(
      TaskDefinitionParseError,
    );
    expect(() => parseTaskDefinitionDocument(doc)).toThrow(message);
  });

  it('defaults essential to true and names unnamed containers by index', () => {
    const { model } = parseTaskDefinition({ containerDefinitions: [{}] });
    expect(model.containers[0]).toMatchObject({
      name: '#0',
      essential: true,
      mountPoints: [],
    });
    expect(model.requiresCompatibilities).toEqual([]);
  });
});

describe('cpu and memory strings', () => {
  it.each([
    ['1024', 1024],
    [512, 512],
    ['1 vCPU', 1024],
    ['0.25 vcpu', 256],
    ['2vCPU', 2048],
    ['lots', undefined],
    [undefined, undefined],
  ])('cpu %p → %p', (value, expected) => {
    expect(parseCpuUnits(value)).toBe(expected);
  });
  it.each([
    ['2048', 2048],
    ['2 GB', 2048],
    ['0.5GB', 512],
    ['1 TB', undefined],
  ])('memory %p → %p', (value, expected) => {
    expect(parseMemoryMiB(value)).toBe(expected);
  });
});
