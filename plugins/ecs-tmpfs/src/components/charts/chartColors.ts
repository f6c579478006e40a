import type { Theme } from '@material-ui/core/styles';

export function chartColors(theme: Theme) {
  return {
    peak: theme.palette.primary.main,
    tmpfs: theme.palette.secondary.main,
    headroom: theme.palette.success?.main ?? '#4caf50',
    over: theme.palette.error.main,
    limit: theme.palette.error.dark,
    axis: theme.palette.text.secondary,
    text: theme.palette.text.primary,
  };
}
