import type { ResourceMetadata } from './types';

/**
 * How a record is named in page titles, confirmations, reference columns and pickers: the fields
 * its definition declares (`ui.display`), in order. A reference among them shows the main name of
 * the record it points at, so a delegation is "which street, which power".
 */
export function displayFields(resource: ResourceMetadata): string[] {
  return resource.display;
}
