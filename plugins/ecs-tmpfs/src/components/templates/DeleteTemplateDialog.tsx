import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';

export const DeleteTemplateDialog = ({
  name,
  busy,
  onConfirm,
  onClose,
}: {
  /** the template to delete; the dialog is open while set */
  name?: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) => (
  <Dialog
    open={name !== undefined}
    onClose={onClose}
    aria-labelledby="ecs-tmpfs-delete-title"
  >
    <DialogTitle id="ecs-tmpfs-delete-title">
      Delete template {name}?
    </DialogTitle>
    <DialogContent>
      <DialogContentText>
        Services already using its mounts keep them; the template can no longer
        be chosen in the scaffolder.
      </DialogContentText>
    </DialogContent>
    <DialogActions>
      <Button onClick={onClose}>Cancel</Button>
      <Button
        color="secondary"
        variant="contained"
        onClick={onConfirm}
        disabled={busy}
      >
        Delete
      </Button>
    </DialogActions>
  </Dialog>
);
