import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import type { Finding } from '@internal/plugin-ecs-tmpfs-common';
import { TemplateFindingsList } from './TemplateFindingsList';
import type { MountDraft } from './templateDraft';

export const MountFields = ({
  index,
  mount,
  findings,
  readOnly,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number;
  mount: MountDraft;
  findings: Finding[];
  readOnly: boolean;
  canRemove: boolean;
  onChange: (mount: MountDraft) => void;
  onRemove: () => void;
}) => {
  const hasError = (field: string) =>
    findings.some(
      f =>
        f.severity === 'error' &&
        (f.path === `mounts[${index}].${field}` ||
          f.path.startsWith(`mounts[${index}].${field}[`)),
    );
  const id = (field: string) => `ecs-tmpfs-mount-${index}-${field}`;
  return (
    <Grid
      container
      spacing={2}
      alignItems="flex-start"
      role="group"
      aria-label={`Mount ${index + 1}`}
    >
      <Grid item xs={12} md={4}>
        <TextField
          id={id('path')}
          label="Container path"
          fullWidth
          required
          value={mount.containerPath}
          error={hasError('containerPath')}
          InputProps={{ readOnly }}
          onChange={e => onChange({ ...mount, containerPath: e.target.value })}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <TextField
          id={id('size')}
          label="Size (MiB)"
          fullWidth
          required
          inputMode="numeric"
          value={mount.size}
          error={hasError('size')}
          InputProps={{ readOnly }}
          onChange={e => onChange({ ...mount, size: e.target.value })}
        />
      </Grid>
      <Grid item xs={12} md={5}>
        <TextField
          id={id('options')}
          label="Mount options"
          helperText="comma-separated, e.g. noexec, nosuid, nodev, mode=0700"
          fullWidth
          value={mount.mountOptions}
          error={hasError('mountOptions')}
          InputProps={{ readOnly }}
          onChange={e => onChange({ ...mount, mountOptions: e.target.value })}
        />
      </Grid>
      <Grid item xs={6} md={1}>
        {!readOnly && canRemove && (
          <IconButton
            aria-label={`Remove mount ${index + 1}`}
            onClick={onRemove}
          >
            <DeleteIcon />
          </IconButton>
        )}
      </Grid>
      <Grid item xs={12}>
        <TemplateFindingsList
          findings={findings}
          label={`Findings of mount ${index + 1}`}
        />
      </Grid>
    </Grid>
  );
};
