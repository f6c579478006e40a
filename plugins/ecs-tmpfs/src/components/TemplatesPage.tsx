import { Content, Header, Page } from '@backstage/core-components';
import { TemplatesManager } from './templates/TemplatesManager';

/** The templates on a page of their own. */
export const TemplatesPage = () => (
  <Page themeId="tool">
    <Header
      title="tmpfs templates"
      subtitle="Reviewed tmpfs mounts teams can apply"
    />
    <Content>
      <TemplatesManager />
    </Content>
  </Page>
);
