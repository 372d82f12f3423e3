export * from './desired.js';
export * from './events.js';
export * from './kinds.js';
export * from './live.js';
export * from './plan.js';
export * from './result.js';
export * from './source.js';
