import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { EcsTmpfsServicePicker } from './EcsTmpfsServicePicker';
import { EcsTmpfsTemplatePicker } from './EcsTmpfsTemplatePicker';
import { SERVICE_PICKER_FIELD, TEMPLATE_PICKER_FIELD } from './fields';

/** The fields for the new frontend system, loaded when the scaffolder needs them. */
export const templatePickerFormField = createFormField({
  name: TEMPLATE_PICKER_FIELD,
  component: EcsTmpfsTemplatePicker,
});

export const servicePickerFormField = createFormField({
  name: SERVICE_PICKER_FIELD,
  component: EcsTmpfsServicePicker,
});
