/** The scaffolder template that adds a secure tmpfs mount, prefilled for one service. */
export function addSecureMountTemplateUrl(
  entityRef: string,
  serviceArn: string,
): string {
  const formData = JSON.stringify({ entityRef, serviceArn });
  return `/create/templates/default/add-secure-tmpfs-mount?formData=${encodeURIComponent(
    formData,
  )}`;
}
