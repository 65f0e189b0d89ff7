// The output guard: every file a command writes goes through an OutputSet (see outputSet.ts).
export { OutputSet, type OutputSetOptions } from './outputSet.js';
export { withOutputs } from './withOutputs.js';
export { fileSystemError, isSystemError } from './fileSystemError.js';
export { identify, sameFile, type FileIdentity } from './fileIdentity.js';
