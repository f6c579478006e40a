import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { Finding, TmpfsTemplate } from '@internal/plugin-ecs-tmpfs-common';
import { useState } from 'react';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage, findingsOfError } from '../../api/EcsTmpfsClient';
import { MountFields } from './MountFields';
import { TemplateFindingsList } from './TemplateFindingsList';
import {
  EMPTY_MOUNT,
  draftOf,
  emptyDraft,
  inputOf,
  type TemplateDraft,
} from './templateDraft';
import { useTemplateValidation } from './useTemplateValidation';

const MOUNT_PATH = /^mounts\[(\d+)\]/;

export type TemplateFormMode = 'create' | 'edit' | 'view';

export const TemplateForm = ({
  mode,
  template,
  defaultOwner,
  onSaved,
  onCancel,
}: {
  mode: TemplateFormMode;
  template?: TmpfsTemplate;
  defaultOwner?: string;
  onSaved: (template: TmpfsTemplate) => void;
  onCancel: () => void;
}) => {
  const api = useApi(ecsTmpfsApiRef);
  const [draft, setDraft] = useState<TemplateDraft>(() =>
    template ? draftOf(template) : emptyDraft(defaultOwner),
  );
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<
    { message: string; findings?: Finding[] } | undefined
  >();
  const readOnly = mode === 'view';
  const input = inputOf(draft);
  const validation = useTemplateValidation(input);

  const findings = saveError?.findings ?? validation.findings;
  const mountFindings = (i: number) =>
    findings.filter(f => Number(MOUNT_PATH.exec(f.path)?.[1]) === i);
  const otherFindings = findings.filter(f => !MOUNT_PATH.test(f.path));
  const blocking = findings.some(f => f.severity === 'error');

  const update = (patch: Partial<TemplateDraft>) => {
    setDraft(d => ({ ...d, ...patch }));
    setSaveError(undefined);
  };

  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const { name, ...rest } = input;
      const saved =
        mode === 'create'
          ? await api.createTemplate(input)
          : await api.updateTemplate(name, {
              ...rest,
              version: template!.version,
            });
      onSaved(saved);
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      const message =
        status === 409 && mode === 'edit'
          ? 'Someone else changed this template since you opened it; reload it and apply your change again.'
          : errorMessage(e);
      setSaveError({ message, findings: findingsOfError(e) });
    } finally {
      setSaving(false);
    }
  };

  const text = (
    field: 'name' | 'title' | 'owner' | 'description' | 'tags',
    label: string,
    extra: { helperText?: string; required?: boolean; locked?: boolean } = {},
  ) => (
    <TextField
      id={`ecs-tmpfs-template-${field}`}
      label={label}
      fullWidth
      required={extra.required}
      helperText={extra.helperText}
      value={draft[field]}
      InputProps={{ readOnly: readOnly || extra.locked }}
      onChange={e => update({ [field]: e.target.value })}
    />
  );

  return (
    <form
      aria-label={mode === 'create' ? 'New template' : `Template ${draft.name}`}
      onSubmit={e => {
        e.preventDefault();
        save();
      }}
    >
      <Grid container spacing={2}>
        <Grid item xs={12} md={4}>
          {text('name', 'Name', {
            required: true,
            locked: mode !== 'create',
            helperText: 'lowercase letters, digits and dashes',
          })}
        </Grid>
        <Grid item xs={12} md={4}>
          {text('title', 'Title', { required: true })}
        </Grid>
        <Grid item xs={12} md={4}>
          {text('owner', 'Owner', {
            required: true,
            helperText: 'group ref, e.g. group:default/platform',
          })}
        </Grid>
        <Grid item xs={12}>
          {text('description', 'Description')}
        </Grid>
        <Grid item xs={12} md={8}>
          {text('tags', 'Tags', { helperText: 'comma-separated' })}
        </Grid>
        <Grid item xs={12} md={4}>
          <FormControlLabel
            control={
              <Checkbox
                checked={draft.readonlyRootFilesystem}
                disabled={readOnly}
                onChange={(_e, checked) =>
                  update({ readonlyRootFilesystem: checked })
                }
              />
            }
            label="Also make the root filesystem read-only"
          />
        </Grid>
        <Grid item xs={12}>
          <Typography variant="h6" component="h3">
            Mounts
          </Typography>
        </Grid>
        {draft.mounts.map((mount, i) => (
          <Grid item xs={12} key={i}>
            <MountFields
              index={i}
              mount={mount}
              findings={mountFindings(i)}
              readOnly={readOnly}
              canRemove={draft.mounts.length > 1}
              onChange={next =>
                update({
                  mounts: draft.mounts.map((m, j) => (j === i ? next : m)),
                })
              }
              onRemove={() =>
                update({ mounts: draft.mounts.filter((_m, j) => j !== i) })
              }
            />
          </Grid>
        ))}
        {!readOnly && (
          <Grid item xs={12}>
            <Button
              onClick={() =>
                update({ mounts: [...draft.mounts, { ...EMPTY_MOUNT }] })
              }
            >
              Add mount
            </Button>
          </Grid>
        )}
        <Grid item xs={12} aria-live="polite">
          {validation.validating && (
            <Typography variant="body2" color="textSecondary">
              Checking…
            </Typography>
          )}
          {!validation.validating &&
            validation.valid &&
            findings.length === 0 &&
            !saveError && <Alert severity="success">No findings.</Alert>}
          {validation.error && !saveError && (
            <Alert severity="warning">
              Could not check the template: {validation.error.message}
            </Alert>
          )}
          {saveError && <Alert severity="error">{saveError.message}</Alert>}
          <TemplateFindingsList
            findings={otherFindings}
            label="Template findings"
          />
        </Grid>
        <Grid item xs={12}>
          {!readOnly && (
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={saving || blocking}
            >
              {mode === 'create' ? 'Create' : 'Save'}
            </Button>
          )}
          <Button onClick={onCancel} style={{ marginLeft: 8 }}>
            {readOnly ? 'Close' : 'Cancel'}
          </Button>
        </Grid>
      </Grid>
    </form>
  );
};
