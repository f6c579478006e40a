/** The names templates use in `ui:field`. */
export const TEMPLATE_PICKER_FIELD = 'EcsTmpfsTemplatePicker';
export const SERVICE_PICKER_FIELD = 'EcsTmpfsServicePicker';
