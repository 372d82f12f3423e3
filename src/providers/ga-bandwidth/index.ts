import type { Provider } from '../types.js';
import { listPackages, readPackages } from './api.js';
import { toView } from './convert.js';
import { classify, FIELDS, ID_FIELD, REQUIRED_FOR_CREATE } from './fields.js';
import { createSteps, deleteSteps, updateSteps } from './steps.js';

export const gaBandwidthProvider: Provider = {
  kind: 'gaBandwidth',
  product: 'ga',
  fields: FIELDS,
  memberField: 'accelerators',
  // An accelerator takes one basic bandwidth plan: binding it elsewhere is a move.
  exclusiveMembers: true,
  idField: ID_FIELD,
  requiredForCreate: REQUIRED_FOR_CREATE,
  list: listPackages,
  read: readPackages,
  toView,
  desiredMembers: (d) => (d.kind === 'gaBandwidth' ? d.accelerators : undefined),
  classify,
  createSteps,
  updateSteps,
  deleteSteps,
};
