import { ResponseErrorPanel } from '@backstage/core-components';
import { errorMessage } from '../../api/EcsTmpfsClient';

/**
 * ResponseErrorPanel titled with the backend's own message (it names the field and value),
 * keeping the status line and full body in the expandable details.
 */
export const ApiErrorPanel = ({
  error,
  title,
}: {
  error: Error;
  /** what failed, e.g. "Could not load the templates" */
  title?: string;
}) => {
  const message = errorMessage(error);
  return (
    <ResponseErrorPanel
      error={error}
      title={title ? `${title}: ${message}` : message}
    />
  );
};
