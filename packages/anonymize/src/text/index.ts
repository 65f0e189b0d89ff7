// Free-text scrubbing: Urdu-aware normalisation, one detector per kind of personal data, and the scrubber.
export * from './types.js';
export * from './normalize.js';
export * from './phone.js';
export * from './cnic.js';
export * from './email.js';
export * from './url.js';
export * from './handle.js';
export * from './iban.js';
export * from './passport.js';
export * from './address.js';
export * from './dob.js';
export * from './names.js';
export * from './spelledNumbers.js';
export * from './platformHandles.js';
export * from './scrub.js';
export * from './piiKinds.js';
