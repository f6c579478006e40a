import { findingsOf, withTmpfs } from '../../testUtils';

const ID = 'tmpfs-size-invalid';

describe('tmpfs-size-invalid', () => {
  it.each([
    [undefined, 'Set size'],
    [0, 'Set size'],
    [-5, 'Set size'],
    [1.5, 'Round size up to 2'],
    ['100m', 'number 100'],
    ['512', 'number 512'],
    [null, 'Set size'],
  ])('fires for size %p', (size, fix) => {
    const findings = findingsOf(
      ID,
      withTmpfs([{ containerPath: '/tmp', size }]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe(
      'containerDefinitions[0].linuxParameters.tmpfs[0].size',
    );
    expect(findings[0].fix).toContain(fix);
  });

  it.each([1, 64, 4096])('does not fire for %p', size => {
    expect(
      findingsOf(ID, withTmpfs([{ containerPath: '/tmp', size }])),
    ).toEqual([]);
  });
});
