import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import {
  ecsTmpfsTemplateCreatePermission,
  ecsTmpfsTemplateDeletePermission,
  ecsTmpfsTemplateUpdatePermission,
  type TmpfsTemplate,
} from '@internal/plugin-ecs-tmpfs-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage } from '../../api/EcsTmpfsClient';
import { listAllTemplates } from '../../api/listAllTemplates';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { DeleteTemplateDialog } from './DeleteTemplateDialog';
import { TemplateForm, type TemplateFormMode } from './TemplateForm';
import { TemplatesTable } from './TemplatesTable';

type Editing =
  | { mode: 'create' }
  | { mode: Exclude<TemplateFormMode, 'create'>; template: TmpfsTemplate };

export const TemplatesManager = () => {
  const api = useApi(ecsTmpfsApiRef);
  const alertApi = useApi(alertApiRef);
  const canCreate = usePermission({
    permission: ecsTmpfsTemplateCreatePermission,
  }).allowed;
  const canUpdate = usePermission({
    permission: ecsTmpfsTemplateUpdatePermission,
  }).allowed;
  const canDelete = usePermission({
    permission: ecsTmpfsTemplateDeletePermission,
  }).allowed;
  const templates = useAsyncRetry(() => listAllTemplates(api), [api]);
  const [editing, setEditing] = useState<Editing | undefined>();
  const [deleting, setDeleting] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await api.deleteTemplate(deleting);
      alertApi.post({
        message: `Template ${deleting} deleted`,
        severity: 'success',
        display: 'transient',
      });
      setDeleting(undefined);
      templates.retry();
    } catch (e) {
      alertApi.post({
        message: `Could not delete ${deleting}: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  if (editing) {
    const title =
      editing.mode === 'create'
        ? 'New template'
        : `${editing.mode === 'edit' ? 'Edit' : 'View'} ${
            editing.template.name
          }`;
    return (
      <InfoCard title={title}>
        <TemplateForm
          key={editing.mode === 'create' ? 'new' : editing.template.name}
          mode={editing.mode}
          template={editing.mode === 'create' ? undefined : editing.template}
          onCancel={() => setEditing(undefined)}
          onSaved={saved => {
            alertApi.post({
              message: `Template ${saved.name} saved`,
              severity: 'success',
              display: 'transient',
            });
            setEditing(undefined);
            templates.retry();
          }}
        />
      </InfoCard>
    );
  }

  let body: React.ReactNode;
  if (templates.loading) body = <Progress />;
  else if (templates.error)
    body = (
      <ApiErrorPanel
        title="Could not load the templates"
        error={templates.error}
      />
    );
  else if (!templates.value?.length)
    body = (
      <EmptyState
        missing="content"
        title="No tmpfs templates yet"
        description="Templates are reusable, reviewed sets of tmpfs mounts teams can apply to their services."
      />
    );
  else
    body = (
      <TemplatesTable
        templates={templates.value}
        canEdit={canUpdate}
        canDelete={canDelete}
        onOpen={template =>
          setEditing({
            mode: !template.readOnly && canUpdate ? 'edit' : 'view',
            template,
          })
        }
        onDelete={template => setDeleting(template.name)}
      />
    );

  return (
    <InfoCard
      title="tmpfs templates"
      action={
        canCreate ? (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setEditing({ mode: 'create' })}
          >
            New template
          </Button>
        ) : undefined
      }
    >
      {body}
      <DeleteTemplateDialog
        name={deleting}
        busy={busy}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(undefined)}
      />
    </InfoCard>
  );
};
