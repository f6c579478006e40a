import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { TmpfsTemplate } from '@internal/plugin-ecs-tmpfs-common';
import useAsync from 'react-use/esm/useAsync';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage } from '../../api/EcsTmpfsClient';
import { listAllTemplates } from '../../api/listAllTemplates';
import { formatMiB } from '../shared/format';
import { ProjectedHeadroom } from './ProjectedHeadroom';
import { siblingBoolean, siblingString, siblingStrings } from './formContext';

/** `ui:options` of the field. */
export interface EcsTmpfsTemplatePickerUiOptions {
  /** the sibling field holding the service ARN; default `serviceArn` */
  serviceArnField?: string;
}

const TemplateMounts = ({ template }: { template: TmpfsTemplate }) => (
  <>
    {template.description && (
      <Typography variant="body2" paragraph>
        {template.description}
      </Typography>
    )}
    <Table size="small" aria-label={`Mounts of ${template.name}`}>
      <TableHead>
        <TableRow>
          <TableCell>Container path</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell>Options</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {template.mounts.map(mount => (
          <TableRow key={mount.containerPath}>
            <TableCell>
              <code>{mount.containerPath}</code>
            </TableCell>
            <TableCell align="right">{formatMiB(mount.size)}</TableCell>
            <TableCell>
              {mount.mountOptions?.length ? mount.mountOptions.join(', ') : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    {template.readonlyRootFilesystem && (
      <Typography variant="caption" component="p">
        This template also turns on a read-only root filesystem.
      </Typography>
    )}
  </>
);

/**
 * Scaffolder field: picks a tmpfs template by name, shows its mounts and, once the form has
 * a service, the headroom that service would have with them.
 */
export const EcsTmpfsTemplatePicker = (
  props: FieldExtensionComponentProps<string, EcsTmpfsTemplatePickerUiOptions>,
) => {
  const {
    formData,
    onChange,
    required,
    disabled,
    rawErrors,
    schema,
    uiSchema,
    idSchema,
    formContext,
  } = props;
  const api = useApi(ecsTmpfsApiRef);
  const templates = useAsync(() => listAllTemplates(api), [api]);
  const chosen = templates.value?.find(t => t.name === formData);
  const serviceArn = siblingString(
    formContext,
    uiSchema?.['ui:options']?.serviceArnField ?? 'serviceArn',
  );
  const label = schema.title ?? 'tmpfs template';
  const unknownChoice =
    !!formData && !!templates.value && !chosen
      ? `No tmpfs template is named "${formData}"`
      : undefined;

  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={!!rawErrors?.length || !!unknownChoice}
    >
      <TextField
        id={idSchema?.$id ?? 'ecs-tmpfs-template-picker'}
        select
        fullWidth
        required={required}
        disabled={disabled || templates.loading || !!templates.error}
        label={label}
        value={chosen ? chosen.name : ''}
        error={!!rawErrors?.length || !!unknownChoice}
        onChange={e => onChange(e.target.value || undefined)}
        helperText={
          unknownChoice ??
          (templates.loading ? 'Loading templates…' : schema.description)
        }
      >
        {(templates.value ?? []).map(template => (
          <MenuItem key={template.name} value={template.name}>
            {template.title} ({template.name})
          </MenuItem>
        ))}
      </TextField>
      {templates.error && (
        <Alert severity="error">
          Could not load the tmpfs templates: {errorMessage(templates.error)}
        </Alert>
      )}
      {chosen && (
        <div>
          <TemplateMounts template={chosen} />
          {serviceArn ? (
            <ProjectedHeadroom
              serviceArn={serviceArn}
              template={chosen}
              choices={{
                containers: siblingStrings(formContext, 'containers'),
                applySecureDefaults: siblingBoolean(
                  formContext,
                  'applySecureDefaults',
                ),
                readonlyRootFilesystem: siblingBoolean(
                  formContext,
                  'readonlyRootFilesystem',
                ),
              }}
            />
          ) : (
            <FormHelperText>
              Choose a service to see the projected memory headroom.
            </FormHelperText>
          )}
        </div>
      )}
    </FormControl>
  );
};
