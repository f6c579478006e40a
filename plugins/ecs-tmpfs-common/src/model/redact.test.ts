import batch from '../__fixtures__/batch-worker-ec2.json';
import { redactTaskDefinition, toRegisterInput } from './redact';

const MARKER = 'PLANTED-SECRET-7f3a';

function plantedTaskDefinition(): Record<string, unknown> {
  return {
    family: 'app',
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/app:3',
    revision: 3,
    containerDefinitions: [
      {
        name: 'app',
        repositoryCredentials: { credentialsParameter: `arn:${MARKER}-repo` },
        environment: [
          { name: 'DB_PASSWORD', value: `${MARKER}-env` },
          { name: 'TMPDIR', value: '/scratch' },
          {
            name: 'JAVA_TOOL_OPTIONS',
            value: `-Dpassword=${MARKER}-jvm -Djava.io.tmpdir=/jtmp`,
          },
        ],
        secrets: [{ name: 'API_KEY', valueFrom: `arn:${MARKER}-secret` }],
        environmentFiles: [
          { value: `arn:aws:s3:::${MARKER}-bucket/app.env`, type: 's3' },
        ],
        logConfiguration: {
          logDriver: 'awsfirelens',
          secretOptions: [{ name: 'apikey', valueFrom: `arn:${MARKER}-log` }],
        },
        linuxParameters: { tmpfs: [{ containerPath: '/scratch', size: 64 }] },
      },
      { name: 'sidecar', environment: { COMPOSE_STYLE: `${MARKER}-map` } },
    ],
    status: 'ACTIVE',
  };
}

describe('redactTaskDefinition', () => {
  it('leaves no planted value anywhere in the output', () => {
    const input = plantedTaskDefinition();
    const json = JSON.stringify(redactTaskDefinition(input));
    expect(json).not.toContain(MARKER);
    // the input is untouched
    expect(JSON.stringify(input)).toContain(`${MARKER}-env`);
  });

  it('keeps names, temp-dir values, other fields and key order', () => {
    const out = redactTaskDefinition(plantedTaskDefinition());
    expect(Object.keys(out)).toEqual(Object.keys(plantedTaskDefinition()));
    const [app, sidecar] = out.containerDefinitions as any[];
    expect(app.environment).toEqual([
      { name: 'DB_PASSWORD' },
      { name: 'TMPDIR', value: '/scratch' },
      { name: 'JAVA_TOOL_OPTIONS', value: '-Djava.io.tmpdir=/jtmp' },
    ]);
    expect(app.secrets).toEqual([{ name: 'API_KEY' }]);
    expect(app.environmentFiles).toEqual([{ type: 's3' }]);
    expect(app.logConfiguration).toEqual({
      logDriver: 'awsfirelens',
      secretOptions: [{ name: 'apikey' }],
    });
    expect(app.repositoryCredentials).toBeUndefined();
    expect(app.linuxParameters).toEqual({
      tmpfs: [{ containerPath: '/scratch', size: 64 }],
    });
    expect(sidecar).toEqual({ name: 'sidecar' });
  });

  it('keeps a sample task definition except its environment values', () => {
    const out = redactTaskDefinition(batch.taskDefinition);
    const json = JSON.stringify(out);
    expect(json).not.toContain('sqs.us-east-1');
    expect(json).toContain('/scratch');
    expect((out.containerDefinitions as any[])[0].ulimits).toEqual(
      batch.taskDefinition.containerDefinitions[0].ulimits,
    );
  });
});

describe('toRegisterInput', () => {
  it('drops describe-only fields and keeps the order of the rest', () => {
    const out = toRegisterInput({
      taskDefinitionArn: 'arn',
      family: 'f',
      revision: 1,
      containerDefinitions: [],
      status: 'ACTIVE',
      requiresAttributes: [],
      compatibilities: ['EC2'],
      cpu: '256',
      registeredAt: 1,
      registeredBy: 'me',
      deregisteredAt: 2,
    });
    expect(Object.keys(out)).toEqual(['family', 'containerDefinitions', 'cpu']);
  });
});
