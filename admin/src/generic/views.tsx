import {
  Create,
  DatagridConfigurable,
  ListNoResults,
  Edit,
  List,
  Show,
  SimpleForm,
  SimpleShowLayout,
  useCloseNotification,
  useNotify,
  useRefresh,
  useTranslate,
  Button,
  Labeled,
} from 'react-admin';
import { RecordHistory } from './RecordHistory';
import { RelatedRecords } from './RelatedRecords';
import { Attachments } from './Attachments';
import type { ReactElement, ReactNode } from 'react';
import { Box } from '@mui/material';
import { listColumns, showFields, type ResourceMetadata } from '../metadata';
import { fieldFor, filtersFor, inputFor } from './field-components';
import { EditToolbar, ListActions, ListPagination, ShowActions, useBulkActions } from './actions';
import { useOwnOrganizationFilter } from '../permissions';

// The four generated screens of a resource, rendered from its metadata. A resource with work beyond
// a form (transfers, catalogs, findings) wraps or replaces one of them in ../screens.

/** Columns beyond these start hidden; the column chooser shows them. */
const VISIBLE_COLUMNS = 7;

/** A record's list; `actions` replaces the toolbar, to add the record's operations (签发令牌) beside 新建. */
export function ResourceList({ resource, actions }: { resource: ResourceMetadata; actions?: ReactElement }) {
  const translate = useTranslate();
  const columns = listColumns(resource);
  return (
    <List
      filters={filtersFor(resource, translate)}
      // A street or township account starts on its own organization's records.
      filterDefaultValues={useOwnOrganizationFilter(resource.name)}
      actions={actions ?? <ListActions />}
      // A list with operations of its own (签发令牌) keeps its toolbar when it has no records yet:
      // react-admin's empty page offers only 新建, which such a record may not have.
      empty={actions ? false : undefined}
      pagination={<ListPagination />}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
    >
      <DatagridConfigurable
        // Shown when a list kept on screen without records (see `empty`) has none: named like react-admin's own.
        empty={<div className="RaList-noResults"><ListNoResults /></div>}
        rowClick="show"
        bulkActionButtons={useBulkActions()}
        omit={columns.slice(VISIBLE_COLUMNS).map((f) => f.name)} preferenceKey={`${resource.name}.datagrid`}>
        {columns.map((f) => fieldFor(f))}
      </DatagridConfigurable>
    </List>
  );
}

/** The records pointing at this one, a section per relation, under a record's fields. */
export function RelatedSection({ resource }: { resource: ResourceMetadata }) {
  if (!resource.relations.length) return null;
  return (
    <Labeled label="app.related.title" fullWidth>
      <RelatedRecords resource={resource} />
    </Labeled>
  );
}

/**
 * A record's page: notes the user should read first, the record's fields, the sections a screen adds
 * (a transfer's postings, a catalog's delegations: each a `<Labeled label=… fullWidth>`, passed as
 * children), then its history. `actions` replaces the toolbar, to add the record's domain operations
 * beside edit.
 */
export function ResourceShow({
  resource,
  actions,
  notes,
  children,
}: {
  resource: ResourceMetadata;
  actions?: ReactElement;
  notes?: ReactElement;
  children?: ReactNode;
}) {
  return (
    <Show actions={actions ?? <ShowActions />}>
      <SimpleShowLayout>
        {notes}
        {showFields(resource).map((f) => fieldFor(f))}
        {children}
        {resource.attachments && (
          <Labeled label="app.attachments.title" fullWidth>
            <Attachments resource={resource} />
          </Labeled>
        )}
        <RelatedSection resource={resource} />
        <Labeled label="app.history.title" fullWidth>
          <RecordHistory />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}

export function ResourceForm({ resource, creating = false }: { resource: ResourceMetadata; creating?: boolean }) {
  const fields = [...resource.fields.filter((f) => f.writable && (creating || !f.fixedAfterCreate)), ...(creating ? resource.createOnly : [])];
  // A street or township account creates records of its own organization.
  const own = useOwnOrganizationFilter(resource.name) ?? {};
  return (
    <SimpleForm warnWhenUnsavedChanges toolbar={creating ? undefined : <EditToolbar />}>
      {fields.map((f) => inputFor(resource, f, creating && own[f.name] ? { defaultValue: own[f.name] } : {}, { creating }))}
    </SimpleForm>
  );
}

export function ResourceCreate({ resource }: { resource: ResourceMetadata }) {
  return (
    <Create redirect="show">
      <ResourceForm resource={resource} creating />
    </Create>
  );
}

/** Tells the user someone else saved the record first, with a button that loads their version. */
function ConflictMessage() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const close = useCloseNotification();
  const reload = () => {
    close();
    refresh();
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }} role="alert">
      {translate('app.errors.conflict')}
      <Button label="app.errors.reload" onClick={reload} variant="outlined" color="inherit" />
    </Box>
  );
}

export function useConflictAwareErrors() {
  const notify = useNotify();
  return (error: unknown) => {
    const e = error as { status?: number; message?: string; body?: { reason?: string; errors?: object } };
    if (e?.status === 409 && e.body?.reason === 'STALE_VERSION') {
      notify(<ConflictMessage />, { type: 'warning', autoHideDuration: null });
    } else if (!e?.body?.errors) {
      // Field errors are shown by the form, under their inputs (react-admin's own behaviour).
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };
}

export function ResourceEdit({ resource }: { resource: ResourceMetadata }) {
  const onError = useConflictAwareErrors();
  return (
    // Pessimistic: the server's answer (field errors, a stale version) arrives while the form is open.
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <ResourceForm resource={resource} />
    </Edit>
  );
}
