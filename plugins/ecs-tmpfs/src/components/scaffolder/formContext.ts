/**
 * The scaffolder hands every field the whole form's data (all steps) as
 * `formContext.formData`; siblings such as `serviceArn` are read from there.
 */
export function siblingValue(
  formContext: unknown,
  name: string,
): unknown | undefined {
  const formData = (formContext as { formData?: Record<string, unknown> })
    ?.formData;
  return formData?.[name];
}

export function siblingString(
  formContext: unknown,
  name: string,
): string | undefined {
  const value = siblingValue(formContext, name);
  return typeof value === 'string' && value ? value : undefined;
}

export function siblingBoolean(
  formContext: unknown,
  name: string,
): boolean | undefined {
  const value = siblingValue(formContext, name);
  return typeof value === 'boolean' ? value : undefined;
}

export function siblingStrings(
  formContext: unknown,
  name: string,
): string[] | undefined {
  const value = siblingValue(formContext, name);
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : undefined;
}
