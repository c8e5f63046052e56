import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Box, Card, CardContent, Chip, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import PublishIcon from '@mui/icons-material/Publish';
import { Labeled, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { ResourceShow } from '../generic/views';
import { resourceMeta } from '../metadata';
import { graphql, graphqlAllPages } from '../data-provider';
import {
  CatalogDelegationsDocument,
  CatalogOrganizationsDocument,
  DelegationsAsOfDocument,
  PublishDelegationCatalogDocument,
  type DelegationRowFragment,
} from '../generated/operations';
import { ConfirmedAction } from './domain-action';
import { EditionCompare, PublishPreview } from './CatalogDiff';
import { DraftNextEditionButton } from './NextEdition';
import { CatalogUnconfirmed } from './UnconfirmedDelegations';
import { IfMayRun, ShowActions } from '../generic/actions';
import { isCompleteDay, today } from '../dates';
import { PrintButton } from './PrintViews';

const catalog = resourceMeta('DelegationCatalog');

type DelegationRow = DelegationRowFragment;

function groupBy<T>(rows: T[], key: (r: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
}

/** Delegations by street or township, then by enforcement domain: what each one holds under this version. */
function Grouped({ rows }: { rows: DelegationRow[] }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))', gap: 2 }} data-testid="catalog-groups">
      {groupBy(rows, (r) => r.recipient.name).map(([street, items]) => (
        <Card key={street} variant="outlined">
          <CardContent>
            <Typography variant="h6">
              {street} <Chip size="small" label={translate('app.catalog.items', { count: items.length })} />
            </Typography>
            {groupBy(items, (r) => r.powerItem.domain?.name ?? '—').map(([domain, list]) => (
              <Box key={domain} sx={{ mt: 1 }}>
                <Typography variant="subtitle2" color="text.secondary">
                  {domain}
                </Typography>
                {list.map((d) => (
                  <Typography key={d.id} variant="body2" data-testid="catalog-row">
                    {d.powerItem.name} <Chip size="small" variant="outlined" label={translate(`enums.DelegationMode.${d.mode}`)} />
                  </Typography>
                ))}
              </Box>
            ))}
          </CardContent>
        </Card>
      ))}
    </Box>
  );
}

function CatalogDelegations() {
  const record = useRecordContext();
  const { data } = useQuery({
    queryKey: ['catalog-delegations', record?.id, record?.version],
    enabled: Boolean(record),
    queryFn: () => graphqlAllPages(CatalogDelegationsDocument, { catalogId: String(record!.id) }, (d) => d.allDelegations),
  });
  return data ? <Grouped rows={data} /> : null;
}

/** "What did street X hold on day D": the answer of delegationsAsOf, across all published versions. */
function AsOf() {
  const translate = useTranslate();
  const [organizationId, setOrganizationId] = useState('');
  const [date, setDate] = useState(today);
  // A date input holds 0002-03-10 while the year is typed: only a complete day is asked about.
  const asked = isCompleteDay(date) ? date : '';
  const { data: orgs } = useQuery({
    queryKey: ['local-orgs'],
    queryFn: () => graphql(CatalogOrganizationsDocument),
  });
  const { data } = useQuery({
    queryKey: ['as-of', organizationId, asked],
    enabled: Boolean(organizationId && asked),
    queryFn: () => graphqlAllPages(DelegationsAsOfDocument, { organizationId, date: asked }, (d) => d.delegationsAsOf),
  });
  const local = (orgs?.allOrganizations ?? []).filter((o) => o.kind === 'STREET' || o.kind === 'TOWNSHIP');
  return (
    <Box data-testid="as-of">
      <Box sx={{ display: 'flex', gap: 2, mb: 2 }}>
        <MuiTextField select label={translate('app.catalog.as_of_org')} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)} sx={{ minWidth: 240 }} size="small">
          {local.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {o.name}
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField type="date" label={translate('app.catalog.as_of_date')} value={date} onChange={(e) => setDate(e.target.value)} size="small" slotProps={{ inputLabel: { shrink: true } }} />
      </Box>
      {data && (data.length ? <Grouped rows={data} /> : <Typography color="text.secondary">{translate('app.catalog.as_of_empty')}</Typography>)}
    </Box>
  );
}

function CatalogActions() {
  const record = useRecordContext();
  if (record?.status !== 'DRAFT') {
    return (
      <TopToolbar>
        <PrintButton view="catalog" />
        <DraftNextEditionButton />
      </TopToolbar>
    );
  }
  return (
    <ShowActions>
      <PrintButton view="catalog" />
      <IfMayRun operation="publishDelegationCatalog">
        <ConfirmedAction
          mutation={PublishDelegationCatalogDocument}
          label="app.catalog.publish"
          confirm="app.catalog.confirm_publish"
          done="app.catalog.published"
          icon={<PublishIcon />}
          details={(setReady) => <PublishPreview setReady={setReady} />}
        />
      </IfMayRun>
    </ShowActions>
  );
}

function Unconfirmed() {
  const record = useRecordContext();
  return record ? <CatalogUnconfirmed catalogId={String(record.id)} version={record.version as number} /> : null;
}

export function CatalogShow() {
  return (
    <ResourceShow resource={catalog} actions={<CatalogActions />}>
      <Labeled label="app.catalog.delegations" fullWidth>
        <CatalogDelegations />
      </Labeled>
      <Labeled label="app.catalog.unconfirmed" fullWidth>
        <Unconfirmed />
      </Labeled>
      <Labeled label="app.diff.compare" fullWidth>
        <EditionCompare />
      </Labeled>
      <Labeled label="app.catalog.as_of" fullWidth>
        <AsOf />
      </Labeled>
    </ResourceShow>
  );
}
