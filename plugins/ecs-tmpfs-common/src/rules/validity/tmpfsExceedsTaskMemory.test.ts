import {
  cleanContainer,
  cleanTaskDefinition,
  findingsOf,
} from '../../testUtils';

const ID = 'tmpfs-exceeds-task-memory';

const tmpfs = (size: number) => ({ tmpfs: [{ containerPath: '/tmp', size }] });

describe('tmpfs-exceeds-task-memory', () => {
  it('fires when all tmpfs together exceed task memory', () => {
    const findings = findingsOf(
      ID,
      cleanTaskDefinition({ memory: '512' }, [
        cleanContainer({ name: 'a', linuxParameters: tmpfs(300) }),
        cleanContainer({ name: 'b', linuxParameters: tmpfs(300) }),
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('memory');
    expect(findings[0].message).toContain('600 MiB');
  });

  it('does not fire when it fits or without task memory', () => {
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition({ memory: '512' }, [
          cleanContainer({ linuxParameters: tmpfs(512) }),
        ]),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        ID,
        cleanTaskDefinition({ memory: undefined }, [
          cleanContainer({ linuxParameters: tmpfs(5000) }),
        ]),
      ),
    ).toEqual([]);
  });
});
