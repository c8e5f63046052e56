import type { ReactNode } from 'react';
import {
  BulkDeleteButton,
  CreateButton,
  DeleteButton,
  EditButton,
  FilterButton,
  Pagination,
  SaveButton,
  SelectColumnsButton,
  Toolbar,
  TopToolbar,
  useRecordContext,
  useResourceContext,
} from 'react-admin';
import { useRecordPermission, useResourcePermission } from '../permissions';
import { ExportButton, ImportButton } from './spreadsheets';

// The write controls of the generated screens, each shown only to users who may use it (the API's
// `myPermissions`): 新建 and 导入 on lists, 编辑 on record pages, 删除 on edit pages and in bulk.

/** Up to 500 rows a page (the API serves up to 1000). */
export const ListPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50, 100, 200, 500]} />;

/** `children`: the record's own operations (签发令牌), before the usual controls. */
export function ListActions({ filters = true, children }: { filters?: boolean; children?: ReactNode }) {
  const resource = useResourceContext();
  const { create, update } = useResourcePermission(resource);
  return (
    <TopToolbar>
      {children}
      {create && <CreateButton />}
      <SelectColumnsButton />
      {filters && <FilterButton />}
      {(create || update) && <ImportButton />}
      <ExportButton />
    </TopToolbar>
  );
}

/** Bulk delete for users who may delete; otherwise the rows cannot be selected at all. */
export function useBulkActions() {
  const resource = useResourceContext();
  const { delete: mayDelete } = useResourcePermission(resource);
  // Deletes wait for the server and ask first: a record still referenced is refused, not undone later.
  return mayDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false;
}

/** Shows its children only when the user may change the current record. */
export function IfMayUpdate({ children }: { children: ReactNode }) {
  const resource = useResourceContext()!;
  return useRecordPermission(resource).update ? children : null;
}

/** Shows its children only when the user may run this domain operation on the current record. */
export function IfMayRun({ operation, children }: { operation: string; children: ReactNode }) {
  const resource = useResourceContext()!;
  return useRecordPermission(resource).operations.includes(operation) ? children : null;
}

export function ShowActions({ children }: { children?: ReactNode }) {
  return (
    <TopToolbar>
      {children}
      <IfMayUpdate>
        <EditButton />
      </IfMayUpdate>
    </TopToolbar>
  );
}

/** Save, and delete for users who may delete this record. */
export function EditToolbar() {
  const resource = useResourceContext()!;
  const record = useRecordContext();
  const { delete: mayDelete } = useRecordPermission(resource, record);
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      {mayDelete && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
}
