import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage } from '../../api/EcsTmpfsClient';
import { siblingString } from './formContext';

/** `ui:options` of the field. */
export interface EcsTmpfsServicePickerUiOptions {
  /** the sibling field holding the component's entity ref; default `entityRef` */
  entityRefField?: string;
}

/**
 * Scaffolder field: the ECS services of the component chosen in a sibling field (by its
 * ECS annotations), stored as the service ARN.
 */
export const EcsTmpfsServicePicker = (
  props: FieldExtensionComponentProps<string, EcsTmpfsServicePickerUiOptions>,
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
  const entityRef = siblingString(
    formContext,
    uiSchema?.['ui:options']?.entityRefField ?? 'entityRef',
  );
  const services = useAsync(
    async () => (entityRef ? api.getEntityServices(entityRef) : undefined),
    [api, entityRef],
  );
  const options = services.value?.services ?? [];

  let helperText: string | undefined = schema.description;
  if (!entityRef) helperText = 'Choose the component first.';
  else if (services.loading) helperText = 'Loading its ECS services…';
  else if (services.error)
    helperText = `Could not list its ECS services: ${errorMessage(
      services.error,
    )}`;
  else if (options.length === 0)
    helperText = `${entityRef} has no ECS services: check its ECS annotations.`;

  return (
    <TextField
      id={idSchema?.$id ?? 'ecs-tmpfs-service-picker'}
      select
      fullWidth
      margin="normal"
      required={required}
      disabled={disabled || options.length === 0}
      label={schema.title ?? 'ECS service'}
      // a value not among the options (another component's service) is not kept silently
      value={options.some(s => s.serviceArn === formData) ? formData : ''}
      error={!!rawErrors?.length || !!services.error}
      helperText={helperText}
      onChange={e => onChange(e.target.value || undefined)}
    >
      {options.map(service => (
        <MenuItem key={service.serviceArn} value={service.serviceArn}>
          {service.serviceName} · {service.clusterName} · {service.accountId} ·{' '}
          {service.region}
        </MenuItem>
      ))}
    </TextField>
  );
};
