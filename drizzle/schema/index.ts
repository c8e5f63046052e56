export * from './columns';
export * from './organizations';
export * from './catalog';
export * from './directory';
