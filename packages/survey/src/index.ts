// The public surface of @leakrisk/survey. Each concern re-exports its own files from its folder's index.
export * from './errors.js';
export * from './table/index.js';
export * from './io/index.js';
export * from './codebook/index.js';
export * from './synth/index.js';
export * from './design/index.js';
export * from './estimate/index.js';
export * from './inference/index.js';
export * from './calibrate/index.js';
export * from './scales/index.js';
export * from './plan/index.js';

// Replicate weights made from a design (as.svrepdesign), for the anonymizer's public-use release.
export { replicatesFromDesign, type DesignReplicateOptions } from './design/replicates/fromDesign.js';
export type { ReplicateSpec, ReplicateType, ReplicateWeights } from './design/replicates/types.js';
