import type { Provider } from '../types.js';
import { listPackages, readPackages } from './api.js';
import { toView } from './convert.js';
import { FIELDS, ID_FIELD, REQUIRED_FOR_CREATE } from './fields.js';
import { createSteps, deleteSteps, updateSteps } from './steps.js';

export const cenBandwidthProvider: Provider = {
  kind: 'cenBandwidth',
  product: 'cbn',
  fields: FIELDS,
  memberField: 'cens',
  // A CEN may hold several packages (one per area pair), so membership is not exclusive.
  exclusiveMembers: false,
  idField: ID_FIELD,
  requiredForCreate: REQUIRED_FOR_CREATE,
  list: listPackages,
  read: readPackages,
  toView,
  desiredMembers: (d) => (d.kind === 'cenBandwidth' ? d.cens : undefined),
  createSteps,
  updateSteps,
  deleteSteps,
};
