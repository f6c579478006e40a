import {
  cleanContainer,
  cleanTaskDefinition,
  findingsOf,
} from '../../testUtils';

const ID = 'field-misplaced';

describe('field-misplaced', () => {
  it('fires for readonlyRootFilesystem inside linuxParameters (the announcement example)', () => {
    const findings = findingsOf(
      ID,
      cleanTaskDefinition({}, [
        cleanContainer({
          readonlyRootFilesystem: undefined,
          linuxParameters: {
            tmpfs: [{ containerPath: '/tmp', size: 1024 }],
            readonlyRootFilesystem: true,
          },
        }),
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].linuxParameters.readonlyRootFilesystem',
    );
    expect(findings[0].fix).toContain('containerDefinitions[0]');
  });

  it('fires for tmpfs on the container and linuxParameters on the task', () => {
    const findings = findingsOf(
      ID,
      cleanTaskDefinition({ linuxParameters: {} }, [
        cleanContainer({ tmpfs: [{ containerPath: '/tmp', size: 8 }] }),
      ]),
    );
    expect(findings.map(f => f.path)).toEqual([
      'containerDefinitions[0].tmpfs',
      'linuxParameters',
    ]);
  });

  it('does not fire for a well-formed task definition with unknown extra fields', () => {
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition({ xCustom: 1 }, [
          cleanContainer({ dockerLabels: {} }),
        ]),
      ),
    ).toEqual([]);
  });
});
