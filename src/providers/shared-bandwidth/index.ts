import type { Provider } from '../types.js';
import { listPackages, readPackages } from './api.js';
import { desiredCaps, toView } from './convert.js';
import { FIELDS, ID_FIELD, REQUIRED_FOR_CREATE } from './fields.js';
import { createSteps, deleteSteps, updateSteps } from './steps.js';

export const sharedBandwidthProvider: Provider = {
  kind: 'sharedBandwidth',
  product: 'vpc',
  fields: FIELDS,
  memberField: 'ips',
  exclusiveMembers: true,
  idField: ID_FIELD,
  requiredForCreate: REQUIRED_FOR_CREATE,
  list: listPackages,
  read: readPackages,
  toView,
  desiredMembers: (d) => (d.kind === 'sharedBandwidth' ? d.ips?.map((ip) => ip.id) : undefined),
  desiredCaps,
  createSteps,
  updateSteps,
  deleteSteps,
};
