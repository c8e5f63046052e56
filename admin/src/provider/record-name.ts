import { resourceMeta, type FieldMetadata, type ResourceMetadata } from '../metadata';
import { displayFields } from '../metadata/display';

// A record's name for people (titles, confirmations, references, pickers), from its display fields
// (metadata/display.ts). The reads of the data provider bring along what the names of referenced
// records need (readFields), so a name is known without another request.

type Translate = (key: string) => string;
type Rec = Record<string, unknown>;

const field = (resource: ResourceMetadata, name: string): FieldMetadata | undefined => resource.fields.find((f) => f.name === name);

function part(resource: ResourceMetadata, name: string, record: Rec, translate: Translate): string {
  const f = field(resource, name);
  const value = record[name];
  if (f?.kind === 'reference') {
    const target = record[f.objectField!] as Rec | undefined;
    return target ? mainName(resourceMeta(f.reference!), target, translate) : '';
  }
  if (value === null || value === undefined || value === '') return '';
  if (f?.kind === 'enum') return translate(`enums.${f.enumName}.${value}`);
  return String(value);
}

/** The record's first display field: what names it inside another record's name. */
export function mainName(resource: ResourceMetadata, record: Rec, translate: Translate): string {
  return part(resource, displayFields(resource)[0], record, translate) || String(record.id ?? '');
}

/** The record's full name: its display fields joined, e.g. 涅阳街道 · 对擅自占道经营的处罚. */
export function recordName(resource: ResourceMetadata, record: Rec | undefined, translate: Translate): string {
  if (!record) return '';
  const parts = displayFields(resource).map((name) => part(resource, name, record, translate)).filter(Boolean);
  return parts.length ? parts.join(' · ') : String(record.id ?? '');
}

export type Sparse = string | { [objectField: string]: Sparse[] };

/** A sparse field list as a GraphQL selection: `id name organization { id name }`. */
export function selectionOf(fields: Sparse[]): string {
  return fields.map((f) => (typeof f === 'string' ? f : Object.entries(f).map(([k, v]) => `${k} { ${selectionOf(v)} }`).join(' '))).join(' ');
}

/** What a read must select of a referenced record to name it: its id and main name, one level further if needed. */
export function mainFields(resource: ResourceMetadata, depth: number): Sparse[] {
  const first = displayFields(resource)[0];
  const f = field(resource, first);
  if (f?.kind === 'reference' && depth < 2) return ['id', first, { [f.objectField!]: mainFields(resourceMeta(f.reference!), depth + 1) }];
  return ['id', first];
}

/**
 * The fields a read of this resource selects (ra-data-graphql-simple's `sparseFields`): all of its
 * own, and of each record it points at the id and what names it (by default the provider would
 * select only the id).
 */
export function readFields(resource: ResourceMetadata, typeFields: string[]): Sparse[] {
  const references = new Map(resource.fields.filter((f) => f.kind === 'reference').map((f) => [f.objectField!, f]));
  // The records that point at this one, and the files kept with it, are read by the record page's
  // own sections, not with every row of every list.
  const relations = new Set([...resource.relations.flatMap((r) => [r.field, `_${r.field}Meta`]), ...(resource.attachments ? ['attachments'] : [])]);
  return typeFields.filter((name) => !relations.has(name)).map((name) => {
    const f = references.get(name);
    return f ? { [name]: mainFields(resourceMeta(f.reference!), 1) } : name;
  });
}
