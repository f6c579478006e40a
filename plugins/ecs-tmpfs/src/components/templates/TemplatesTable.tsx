import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { TmpfsTemplate } from '@internal/plugin-ecs-tmpfs-common';
import { formatMiB, shortRef } from '../shared/format';

export const TemplatesTable = ({
  templates,
  canEdit,
  canDelete,
  onOpen,
  onDelete,
}: {
  templates: TmpfsTemplate[];
  canEdit: boolean;
  canDelete: boolean;
  onOpen: (template: TmpfsTemplate) => void;
  onDelete: (template: TmpfsTemplate) => void;
}) => (
  <Table size="small" aria-label="tmpfs templates">
    <TableHead>
      <TableRow>
        <TableCell>Name</TableCell>
        <TableCell>Title</TableCell>
        <TableCell>Owner</TableCell>
        <TableCell>Mounts</TableCell>
        <TableCell>Source</TableCell>
        <TableCell>Actions</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {templates.map(template => {
        const editable = !template.readOnly && canEdit;
        return (
          <TableRow key={template.name}>
            <TableCell>
              <code>{template.name}</code>
            </TableCell>
            <TableCell>{template.title}</TableCell>
            <TableCell>{shortRef(template.owner)}</TableCell>
            <TableCell>
              {template.mounts
                .map(m => `${m.containerPath} (${formatMiB(m.size)})`)
                .join(', ')}
            </TableCell>
            <TableCell>
              <Chip size="small" label={template.source} />
              {template.readOnly && (
                <Chip size="small" label="read-only" variant="outlined" />
              )}
            </TableCell>
            <TableCell>
              <Button
                size="small"
                onClick={() => onOpen(template)}
                aria-label={`${editable ? 'Edit' : 'View'} ${template.name}`}
              >
                {editable ? 'Edit' : 'View'}
              </Button>
              {!template.readOnly && canDelete && (
                <Button
                  size="small"
                  color="secondary"
                  onClick={() => onDelete(template)}
                  aria-label={`Delete ${template.name}`}
                >
                  Delete
                </Button>
              )}
            </TableCell>
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);
