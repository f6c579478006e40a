import { Content, Header, HeaderTabs, Page } from '@backstage/core-components';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { HeadroomDashboard } from './dashboard/HeadroomDashboard';
import { TemplatesManager } from './templates/TemplatesManager';

const TABS = [
  { id: '', label: 'Headroom' },
  { id: 'templates', label: 'Templates' },
];

/**
 * The plugin's page: the headroom dashboard at its root and the templates at `templates`,
 * as tabs, so both apps mount one route.
 */
export const EcsTmpfsPage = ({ header = true }: { header?: boolean }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const onTemplates = /\/templates\/?$/.test(location.pathname);
  const base = location.pathname
    .replace(/\/templates\/?$/, '')
    .replace(/\/$/, '');
  return (
    <Page themeId="tool">
      {header && (
        <Header
          title="ECS headroom"
          subtitle="tmpfs mounts and memory headroom of ECS services"
        />
      )}
      <HeaderTabs
        selectedIndex={onTemplates ? 1 : 0}
        tabs={TABS}
        onChange={index =>
          navigate(index === 1 ? `${base}/templates` : base || '/')
        }
      />
      <Content>
        <Routes>
          <Route path="/" element={<HeadroomDashboard />} />
          <Route path="/templates" element={<TemplatesManager />} />
        </Routes>
      </Content>
    </Page>
  );
};
