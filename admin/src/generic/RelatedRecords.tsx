import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Box, Chip, Link, Typography } from '@mui/material';
import { Datagrid, FunctionField, ListContextProvider, ResourceContextProvider, useList, useRecordContext, useTranslate } from 'react-admin';
import { graphqlFromMetadata } from '../data-provider';
import { listColumns, resourceMeta, type FieldMetadata, type ResourceMetadata } from '../metadata';
import type { RelationMetadata } from '../metadata/types';
import { mainFields, recordName, selectionOf } from '../provider/record-name';
import { fieldFor } from './field-components';
import { currentLocale } from '../i18n/i18n-provider';

// The records that point at this one (a street's delegations, staff and findings; a person's
// certificates), one compact list per reverse relation the API serves, generated from the
// metadata: no record page lists them by hand. All of a record's sections come in one request,
// which the API answers with one statement per relation.

/** Rows shown per section; the "more" link opens the full list, filtered. */
const ROWS = 5;
/** Columns shown per section, beside the record's name. */
const COLUMNS = 4;

type Row = Record<string, unknown> & { id: string };

/** The columns of a section: the related record's list columns, less the field pointing back here. */
function columnsOf(relation: RelationMetadata): FieldMetadata[] {
  return listColumns(resourceMeta(relation.resource))
    .filter((f) => f.name !== relation.via)
    .slice(0, COLUMNS);
}

/** What a section reads of each related record: its columns, and what names the records they point at. */
function selectionFor(relation: RelationMetadata): string {
  const target = resourceMeta(relation.resource);
  const fields = new Set(['id', ...target.display.filter((n) => n !== relation.via), ...columnsOf(relation).map((f) => f.name)]);
  const parts = [...fields].flatMap((name) => {
    const f = target.fields.find((x) => x.name === name);
    return f?.kind === 'reference' ? [name, { [f.objectField!]: mainFields(resourceMeta(f.reference!), 1) }] : [name];
  });
  return selectionOf(parts);
}

function queryFor(resource: ResourceMetadata): string {
  const sections = resource.relations.map(
    (r) => `${r.field}(perPage: ${ROWS}, sortField: "id", sortOrder: "DESC") { ${selectionFor(r)} } _${r.field}Meta { count }`,
  );
  return `query($id: ID!) { ${resource.name}(id: $id) { id ${sections.join(' ')} } }`;
}

/** A reference column read from the loaded record, named as everywhere else. */
function referenceColumn(field: FieldMetadata, translate: (key: string) => string) {
  const target = resourceMeta(field.reference!);
  return <FunctionField key={field.name} source={field.name} sortable={false} render={(row: Row) => recordName(target, row[field.objectField!] as Row | undefined, translate)} />;
}

function Section({ parent, relation, rows, count }: { parent: string; relation: RelationMetadata; rows: Row[]; count: number }) {
  const translate = useTranslate();
  const lang = currentLocale();
  const target = resourceMeta(relation.resource);
  const list = useList({ data: rows, perPage: ROWS });
  const filter = encodeURIComponent(JSON.stringify({ [relation.via]: parent }));
  return (
    <Box sx={{ mb: 2 }} data-testid={`related-${relation.field}`}>
      <Typography variant="subtitle1" component="h3" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {relation.label[lang]} <Chip size="small" label={count} />
        {count > rows.length && (
          <Link href={`#/${relation.resource}?filter=${filter}`} variant="body2" data-testid={`related-more-${relation.field}`}>
            {translate('app.related.more', { count })}
          </Link>
        )}
      </Typography>
      <ResourceContextProvider value={relation.resource}>
        <ListContextProvider value={list}>
          <Datagrid bulkActionButtons={false} rowClick={false} size="small">
            <FunctionField
              source="id"
              label={target.label[lang]}
              sortable={false}
              render={(row: Row) => (
                <Link href={`#/${relation.resource}/${row.id}/show`} onClick={(e) => e.stopPropagation()} data-testid="related-link">
                  {recordName(target, row, translate)}
                </Link>
              )}
            />
            {columnsOf(relation)
              .filter((f) => !target.display.includes(f.name))
              .map((f) => (f.kind === 'reference' ? referenceColumn(f, translate) : fieldFor(f, { sortable: false })))}
          </Datagrid>
        </ListContextProvider>
      </ResourceContextProvider>
    </Box>
  );
}

/** Every reverse relation of the current record: a section for each that has records, one line naming those that have none. */
export function RelatedRecords({ resource }: { resource: ResourceMetadata }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang = currentLocale();
  const { data } = useQuery({
    queryKey: ['related', resource.name, record?.id, record?.version],
    enabled: Boolean(record && resource.relations.length),
    queryFn: () => graphqlFromMetadata<Record<string, Record<string, unknown>>>(queryFor(resource), { id: record!.id }),
    // A new version of the record keeps its sections on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
  if (!resource.relations.length) return null;
  const loaded = data?.[resource.name];
  if (!loaded || !record) return null;
  const count = (r: RelationMetadata) => (loaded[`_${r.field}Meta`] as { count: number }).count;
  const empty = resource.relations.filter((r) => count(r) === 0);
  return (
    <Box data-testid="related-records">
      {resource.relations
        .filter((r) => count(r) > 0)
        .map((r) => (
          <Section key={r.field} parent={String(record.id)} relation={r} rows={loaded[r.field] as Row[]} count={count(r)} />
        ))}
      {empty.length > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="related-empty">
          {translate('app.related.none', { names: empty.map((r) => r.label[lang]).join(lang === 'zh' ? '、' : ', ') })}
        </Typography>
      )}
    </Box>
  );
}
