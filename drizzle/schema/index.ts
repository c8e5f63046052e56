export * from './columns';
export * from './organizations';
export * from './catalog';
export * from './directory';
export * from './hr';
export * from './training';
export * from './supervision';
export * from './accounts';
