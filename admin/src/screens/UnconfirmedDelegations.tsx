import { useQuery } from '@tanstack/react-query';
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { CatalogUnconfirmedDocument, type UnconfirmedRowFragment } from '../generated/operations';

// Delegations whose 赋权确认书 is not signed yet, per street or township (the API's
// unconfirmedDelegations): of one catalog on its page, of the catalogs in force on the dashboard.

type UnconfirmedRow = UnconfirmedRowFragment;

/** The list of delegations a row counts: the street's, not confirmed (of the catalog, when given). */
function listOf(recipientId: string, catalogId?: string): string {
  const filter = { recipientId, confirmed: false, ...(catalogId ? { catalogId } : {}) };
  return `/Delegation?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

export function UnconfirmedList({ rows, catalogId }: { rows: UnconfirmedRow[]; catalogId?: string }) {
  const translate = useTranslate();
  if (!rows.length) return <Typography color="text.secondary">{translate('app.catalog.unconfirmed_none')}</Typography>;
  return (
    <List dense disablePadding data-testid="unconfirmed">
      {rows.map((r) => (
        <ListItem key={r.recipientId} disableGutters>
          <ListItemText
            primary={<Link to={listOf(r.recipientId, catalogId)}>{r.recipient.name}</Link>}
            secondary={translate('app.catalog.unconfirmed_count', { count: r.count })}
          />
        </ListItem>
      ))}
    </List>
  );
}

/** On a catalog's page. */
export function CatalogUnconfirmed({ catalogId, version }: { catalogId: string; version?: number }) {
  const { data } = useQuery({
    queryKey: ['unconfirmed', catalogId, version],
    queryFn: () =>
      graphql(CatalogUnconfirmedDocument, { catalogId }).then((d) => d.unconfirmedDelegations),
  });
  return data ? <UnconfirmedList rows={data} catalogId={catalogId} /> : null;
}
