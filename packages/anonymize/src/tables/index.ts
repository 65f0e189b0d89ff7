// Protection of published tables: primary and secondary cell suppression.
export * from './protect.js';
