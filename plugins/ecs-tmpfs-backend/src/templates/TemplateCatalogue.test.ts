import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { TemplateCatalogue } from './TemplateCatalogue';
import type { DatabaseTemplateStore } from './DatabaseTemplateStore';

const store = {} as DatabaseTemplateStore;
const logger = mockServices.logger.mock();

const good = {
  name: 'team-cache',
  title: 'Team cache',
  owner: 'group:default/team',
  mounts: [{ containerPath: '/cache', size: 64, mountOptions: ['noexec'] }],
};

describe('TemplateCatalogue.fromConfig', () => {
  it('refuses a config template with a shape error, naming its config key', () => {
    const config = new ConfigReader({
      ecsTmpfs: { templates: [good, { ...good, name: 'Bad Name' }] },
    });
    expect(() =>
      TemplateCatalogue.fromConfig({ config, store, logger }),
    ).toThrow(/ecsTmpfs\.templates\[1\]\.name: .*"Bad Name"/);
  });

  it('refuses a config template that a rule finds an error in', () => {
    const config = new ConfigReader({
      ecsTmpfs: {
        templates: [
          { ...good, mounts: [{ containerPath: '/sys/x', size: 1 }] },
        ],
      },
    });
    expect(() =>
      TemplateCatalogue.fromConfig({ config, store, logger }),
    ).toThrow(
      /ecsTmpfs\.templates\[0\]\.mounts\[0\]\.containerPath: .*tmpfs-path-reserved/,
    );
  });

  it('refuses a config template that reuses a built-in name', () => {
    const config = new ConfigReader({
      ecsTmpfs: { templates: [{ ...good, name: 'tmp-scratch' }] },
    });
    expect(() =>
      TemplateCatalogue.fromConfig({ config, store, logger }),
    ).toThrow("the name 'tmp-scratch' is already used by a builtin template");
  });

  it('serves built-in templates that no rule finds an error in', async () => {
    const catalogue = TemplateCatalogue.fromConfig({
      config: new ConfigReader({}),
      store,
      logger,
    });
    const secrets = await catalogue.get('secrets-tmpfs');
    expect(secrets).toMatchObject({ source: 'builtin', readOnly: true });
  });
});
