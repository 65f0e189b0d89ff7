// The output guard: every file a command writes goes through an OutputSet (see outputSet.ts).
export { OutputSet } from './outputSet.js';
export { withOutputs } from './withOutputs.js';
export { fileSystemError, isSystemError } from './fileSystemError.js';
export { identify } from './fileIdentity.js';
