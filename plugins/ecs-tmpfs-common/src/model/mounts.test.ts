import {
  effectiveMountFlag,
  isPathWithin,
  isSecretPath,
  normaliseContainerPath,
  normaliseMountOptions,
} from './mounts';

describe('mount helpers', () => {
  it.each([
    ['/data/', '/data'],
    ['/data', '/data'],
    ['//a//b/', '/a/b'],
    ['/a/./b/../c', '/a/c'],
    ['/', '/'],
    ['/..', '/'],
    ['tmp/', 'tmp'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normaliseContainerPath(input)).toBe(expected);
  });

  it('treats undefined, [] and blank entries as no options', () => {
    expect(normaliseMountOptions(undefined)).toEqual([]);
    expect(normaliseMountOptions([])).toEqual([]);
    expect(normaliseMountOptions([' noexec ', '', 3])).toEqual(['noexec']);
    expect(normaliseMountOptions('noexec')).toEqual([]);
  });

  it('recognises secret paths', () => {
    expect(isSecretPath('/run/secrets/')).toBe(true);
    expect(isSecretPath('/home/u/.SSH')).toBe(true);
    expect(isSecretPath('/var/cache/nginx')).toBe(false);
  });

  it('applies Docker defaults then options in order', () => {
    expect(effectiveMountFlag([], 'noexec', 'exec', true)).toBe(true);
    expect(effectiveMountFlag(['exec'], 'noexec', 'exec', true)).toBe(false);
    expect(effectiveMountFlag(['exec', 'noexec'], 'noexec', 'exec', true)).toBe(
      true,
    );
  });

  it('knows when a path lies within another', () => {
    expect(isPathWithin('/var/tmp', '/var/')).toBe(true);
    expect(isPathWithin('/variable', '/var')).toBe(false);
    expect(isPathWithin('/x', '/')).toBe(true);
  });
});
