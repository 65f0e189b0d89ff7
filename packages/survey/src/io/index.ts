export * from './csv.js';
export * from './atomicWrite.js';
