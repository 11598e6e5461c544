import GridViewIcon from '@mui/icons-material/GridView';
import { createView, editView } from '../common';
import { GridForm } from './GridForm';
import { GridList } from './GridList';
import { GridShow } from './GridShow';

export default {
  list: GridList,
  show: GridShow,
  edit: editView(GridForm),
  create: createView(GridForm),
  icon: GridViewIcon,
  recordRepresentation: (record: { code: string; name: string }) => `${record.code} ${record.name}`,
};
