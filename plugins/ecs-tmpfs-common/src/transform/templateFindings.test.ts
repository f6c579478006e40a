import { lintTemplate, validateTemplateInput } from './templateFindings';

const valid = {
  name: 'secrets-store',
  title: 'Secrets store',
  owner: 'group:default/platform',
  mounts: [
    {
      containerPath: '/run/secrets',
      size: 16,
      mountOptions: ['noexec', 'nosuid', 'nodev', 'mode=0700'],
    },
  ],
  readonlyRootFilesystem: true,
  tags: ['secrets'],
};

describe('validateTemplateInput', () => {
  it('accepts a valid template', () => {
    expect(validateTemplateInput(valid)).toEqual({ value: valid, errors: [] });
  });

  it('rejects control and text-direction characters in title and description', () => {
    const { value, errors } = validateTemplateInput({
      ...valid,
      title: 'Scratch\u202eevil',
      description: 'a\u0000b',
    });
    expect(value).toBeUndefined();
    expect(errors).toEqual([
      {
        field: 'title',
        message:
          'must not contain control or text-direction characters, got "Scratch\u202eevil"',
      },
      {
        field: 'description',
        message:
          'must not contain control or text-direction characters, got "a\\u0000b"',
      },
    ]);
  });

  it('rejects unknown fields and malformed values, naming field and value', () => {
    const { value, errors } = validateTemplateInput({
      ...valid,
      name: 'Bad Name',
      owner: 'user:default/bob',
      extra: 1,
      tags: 'x',
      mounts: [{ containerPath: '', size: '16', options: [] }, 5],
    });
    expect(value).toBeUndefined();
    expect(errors.map(e => e.field)).toEqual([
      'extra',
      'name',
      'owner',
      'mounts[0].options',
      'mounts[0].containerPath',
      'mounts[0].size',
      'mounts[1]',
      'tags',
    ]);
    expect(errors.find(e => e.field === 'mounts[0].size')!.message).toContain(
      '"16"',
    );
    expect(errors.find(e => e.field === 'name')!.message).toContain(
      '"Bad Name"',
    );
  });

  it('rejects a non-object and a missing title', () => {
    expect(validateTemplateInput(null).errors[0].message).toContain('null');
    const { title: _t, ...noTitle } = valid;
    expect(validateTemplateInput(noTitle).errors.map(e => e.field)).toEqual([
      'title',
    ]);
  });
});

describe('lintTemplate', () => {
  it('reports mount findings with mounts[i] paths', () => {
    const findings = lintTemplate({
      ...valid,
      mounts: [
        { containerPath: '/run/secrets', size: 16, mountOptions: ['mode'] },
        { containerPath: '/run/secrets/', size: 16, mountOptions: ['exec'] },
      ],
    });
    expect(findings.map(f => `${f.ruleId} ${f.path}`)).toEqual([
      'tmpfs-option-needs-value mounts[0].mountOptions[0]',
      'tmpfs-path-duplicate mounts[1].containerPath',
      'secret-mount-insecure mounts[0].mountOptions',
      'secret-mount-insecure mounts[1].mountOptions',
      'tmpfs-exec-allowed mounts[1].mountOptions[0]',
    ]);
    expect(
      findings.every(
        f => f.container === undefined && !f.message.includes('"app"'),
      ),
    ).toBe(true);
  });

  it('finds nothing in a secure template', () => {
    expect(lintTemplate(valid)).toEqual([]);
  });
});
