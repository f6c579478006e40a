import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0, 0),
    padding: 0,
    fontSize: theme.typography.body2.fontSize,
  },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 12,
    marginRight: theme.spacing(0.5),
    verticalAlign: 'middle',
  },
}));

export interface LegendItem {
  label: string;
  color: string;
  /** drawn as a dashed line rather than a filled box */
  dashed?: boolean;
}

export const Legend = ({ items }: { items: LegendItem[] }) => {
  const classes = useStyles();
  return (
    <ul className={classes.legend}>
      {items.map(item => (
        <li key={item.label}>
          <span
            className={classes.swatch}
            style={
              item.dashed
                ? { borderTop: `2px dashed ${item.color}`, height: 0 }
                : { backgroundColor: item.color }
            }
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
};
