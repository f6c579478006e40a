import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { Finding } from '@internal/plugin-ecs-tmpfs-common';
import { SeverityChip } from '../shared/SeverityChip';

export const TemplateFindingsList = ({
  findings,
  label,
}: {
  findings: Finding[];
  label: string;
}) =>
  findings.length === 0 ? null : (
    <List dense aria-label={label}>
      {findings.map((finding, i) => (
        <ListItem key={`${finding.ruleId}-${finding.path}-${i}`}>
          <SeverityChip severity={finding.severity} />
          <ListItemText
            style={{ marginLeft: 8 }}
            primary={`${finding.ruleId}: ${finding.message}`}
            secondary={`Fix: ${finding.fix}`}
          />
        </ListItem>
      ))}
    </List>
  );
