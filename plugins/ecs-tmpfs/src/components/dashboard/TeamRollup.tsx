import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { FleetResponse } from '@internal/plugin-ecs-tmpfs-common';
import { formatMiB, formatPercent, shortRef } from '../shared/format';

export const TeamRollup = ({ teams }: { teams: FleetResponse['teams'] }) =>
  teams.length === 0 ? (
    <p>No teams in this selection.</p>
  ) : (
    <Table size="small" aria-label="Per-team roll-up">
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell align="right">Services</TableCell>
          <TableCell align="right">Exhausted</TableCell>
          <TableCell align="right">Low</TableCell>
          <TableCell align="right">Unknown</TableCell>
          <TableCell align="right">tmpfs total</TableCell>
          <TableCell align="right">Lowest headroom</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {teams.map(team => (
          <TableRow key={team.owner}>
            <TableCell>{shortRef(team.owner)}</TableCell>
            <TableCell align="right">{team.services}</TableCell>
            <TableCell align="right">{team.exhausted}</TableCell>
            <TableCell align="right">{team.low}</TableCell>
            <TableCell align="right">{team.unknown}</TableCell>
            <TableCell align="right">{formatMiB(team.tmpfsTotalMiB)}</TableCell>
            <TableCell align="right">
              {formatPercent(team.minHeadroomRatio)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
