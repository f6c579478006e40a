import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import type { FleetQuery } from '@internal/plugin-ecs-tmpfs-common';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage } from '../../api/EcsTmpfsClient';
import { saveFile } from './saveFile';

export const CsvExportButton = ({ query }: { query: FleetQuery }) => {
  const api = useApi(ecsTmpfsApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const file = await api.downloadFleetCsv(query);
      saveFile(file.blob, file.filename);
    } catch (e) {
      alertApi.post({
        message: `CSV export failed: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" onClick={onClick} disabled={busy}>
      {busy ? 'Exporting…' : 'Export CSV'}
    </Button>
  );
};
