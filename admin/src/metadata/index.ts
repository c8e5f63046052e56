import { metadata } from '../generated/metadata';
import type { FieldMetadata, ResourceMetadata } from './types';

export type { Bilingual, FieldMetadata, MenuGroup, ResourceMetadata } from './types';
export const { enums } = metadata;

/** Every resource, in menu order (groups as the API declares them, then registration order). */
export const { resources, groups } = metadata;

export function resourceMeta(name: string): ResourceMetadata {
  const found = metadata.resources.find((r) => r.name === name);
  if (!found) throw new Error(`No resource ${name} in the generated metadata`);
  return found;
}

export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

/**
 * Fields shown as list columns by default: those the record declares (`ui.listColumns`), else the
 * title first, then the record's own fields.
 */
export function listColumns(resource: ResourceMetadata): FieldMetadata[] {
  if (resource.listColumns) return resource.listColumns.map((name) => resource.fields.find((f) => f.name === name)!).filter(Boolean);
  const own = resource.fields.filter((f) => !SYSTEM_FIELDS.includes(f.name));
  const title = own.find((f) => f.name === resource.titleField);
  return [...(title ? [title] : []), ...own.filter((f) => f !== title)];
}

/** Fields of a record page: its own fields first, then id and timestamps. */
export function showFields(resource: ResourceMetadata): FieldMetadata[] {
  const own = resource.fields.filter((f) => !SYSTEM_FIELDS.includes(f.name));
  const system = resource.fields.filter((f) => SYSTEM_FIELDS.includes(f.name) && f.name !== 'version');
  return [...own, ...system];
}
