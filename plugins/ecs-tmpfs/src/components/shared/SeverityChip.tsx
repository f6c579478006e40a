import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { Severity } from '@internal/plugin-ecs-tmpfs-common';

const useStyles = makeStyles(theme => ({
  error: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  info: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
}));

export const SeverityChip = ({ severity }: { severity: Severity }) => {
  const classes = useStyles();
  return <Chip size="small" label={severity} className={classes[severity]} />;
};
