import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { Finding } from '@internal/plugin-ecs-tmpfs-common';

const useStyles = makeStyles(theme => ({
  chip: { margin: theme.spacing(0.25) },
  error: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
}));

export const MountOptionChips = ({
  options,
  findingsOf,
}: {
  options: string[];
  /** findings naming the option at this index */
  findingsOf: (optionIndex: number) => Finding[];
}) => {
  const classes = useStyles();
  if (options.length === 0) {
    return <span>none</span>;
  }
  return (
    <>
      {options.map((option, i) => {
        const findings = findingsOf(i);
        if (findings.length === 0) {
          return (
            <Chip
              key={`${option}-${i}`}
              size="small"
              label={option}
              className={classes.chip}
            />
          );
        }
        const severe = findings.some(f => f.severity === 'error');
        const summary = findings.map(f => `${f.ruleId}: ${f.message}`);
        return (
          <Chip
            key={`${option}-${i}`}
            title={summary.join('\n')}
            size="small"
            label={option}
            aria-label={`${option} (flagged: ${findings
              .map(f => f.ruleId)
              .join(', ')})`}
            data-flagged={severe ? 'error' : 'warning'}
            className={`${classes.chip} ${
              severe ? classes.error : classes.warning
            }`}
          />
        );
      })}
    </>
  );
};
