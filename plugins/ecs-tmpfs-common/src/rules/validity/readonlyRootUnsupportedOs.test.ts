import { cleanTaskDefinition, findingsOf } from '../../testUtils';

const ID = 'readonly-root-unsupported-os';
const WINDOWS = {
  runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' },
};

describe('readonly-root-unsupported-os', () => {
  it('fires for readonlyRootFilesystem on Windows', () => {
    const findings = findingsOf(
      ID,
      cleanTaskDefinition(WINDOWS, [
        { name: 'iis', readonlyRootFilesystem: true },
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].readonlyRootFilesystem',
    );
    expect(findings[0].message).toContain('WINDOWS_SERVER_2019_FULL');
  });

  it('does not fire on Linux or when it is false on Windows', () => {
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition({}, [{ name: 'a', readonlyRootFilesystem: true }]),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition(WINDOWS, [
          { name: 'iis', readonlyRootFilesystem: false },
        ]),
      ),
    ).toEqual([]);
  });
});
