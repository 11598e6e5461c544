import EventBusyIcon from '@mui/icons-material/EventBusy';
import { createView, editView } from '../common';
import { AbsenceForm } from './AbsenceForm';
import { AbsenceList } from './AbsenceList';
import { AbsenceShow } from './AbsenceShow';

export default {
  list: AbsenceList,
  show: AbsenceShow,
  edit: editView(AbsenceForm),
  create: createView(AbsenceForm),
  icon: EventBusyIcon,
  recordRepresentation: (a: { validFrom: string; validUntil: string }) => `${a.validFrom} – ${a.validUntil}`,
};
