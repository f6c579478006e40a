import {
  cleanContainer,
  cleanTaskDefinition,
  findingsOf,
} from '../../testUtils';

const ID = 'readonly-root-disabled';

describe('readonly-root-disabled', () => {
  it.each([
    [false, 'false'],
    [undefined, 'unset'],
  ])('fires when readonlyRootFilesystem is %p', (value, word) => {
    const findings = findingsOf(
      ID,
      cleanTaskDefinition({}, [
        cleanContainer({ readonlyRootFilesystem: value }),
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain(word);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].readonlyRootFilesystem',
    );
  });

  it('does not fire when true, nor on Windows', () => {
    expect(findingsOf(ID, cleanTaskDefinition())).toEqual([]);
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition(
          {
            runtimePlatform: {
              operatingSystemFamily: 'WINDOWS_SERVER_2022_FULL',
            },
          },
          [{ name: 'iis' }],
        ),
      ),
    ).toEqual([]);
  });
});
