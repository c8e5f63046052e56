import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Box, Button, Link, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import { ResourceShow } from '../generic/views';
import { resourceMeta } from '../metadata';
import { graphql } from '../data-provider';
import { HoldingsDocument } from '../generated/operations';
import { isCompleteDay, today } from '../dates';

const organization = resourceMeta('Organization');

/** The first page the section shows; the API pages delegationsAsOf for more. */
const PER_PAGE = 100;

/**
 * "What does this street hold, and what did it hold on day D": the powers in force on the chosen
 * day (today in the configured zone by default), with item, delegating department, mode, legal
 * basis and since when, across every published version of the catalog.
 */
function Holdings() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [date, setDate] = useState(today);
  const [page, setPage] = useState(0);
  // A date input holds 0002-03-10 while the year is typed: only a complete day is asked about.
  const asked = isCompleteDay(date) ? date : '';
  const { data } = useQuery({
    queryKey: ['holdings', record?.id, asked, page],
    enabled: Boolean(record && asked),
    queryFn: () => graphql(HoldingsDocument, { organizationId: String(record!.id), date: asked, page, perPage: PER_PAGE }),
  });
  const total = data?._delegationsAsOfMeta.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <Box data-testid="holdings">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
        <MuiTextField
          type="date"
          label={translate('app.holdings.date')}
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            setPage(0);
          }}
          size="small"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'holdings-date' } }}
        />
        {data && (
          <Typography variant="body2" data-testid="holdings-count">
            {translate('app.holdings.count', { count: total, date: asked })}
          </Typography>
        )}
      </Box>
      {data && !total && <Typography color="text.secondary">{translate('app.holdings.empty')}</Typography>}
      {data && total > 0 && (
        <>
          <Table size="small">
            <TableHead>
              <TableRow>
                {['code', 'name', 'department', 'mode', 'basis', 'since'].map((k) => (
                  <TableCell key={k}>{translate(`app.holdings.${k}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.delegationsAsOf.map((d) => (
                <TableRow key={d.id} data-testid="holding">
                  <TableCell>{d.powerItem.code}</TableCell>
                  <TableCell>
                    <Link href={`#/Delegation/${d.id}/show`}>{d.powerItem.name}</Link>
                  </TableCell>
                  <TableCell>{d.delegatingOrganization?.name ?? '—'}</TableCell>
                  <TableCell>{translate(`enums.DelegationMode.${d.mode}`)}</TableCell>
                  <TableCell sx={{ maxWidth: 360 }}>{d.powerItem.settingBasis ?? '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.effectiveFrom}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {pages > 1 && (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1 }}>
              <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {translate('app.holdings.previous')}
              </Button>
              <Typography variant="body2">{translate('app.holdings.page', { page: page + 1, pages })}</Typography>
              <Button size="small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                {translate('app.holdings.next')}
              </Button>
            </Box>
          )}
        </>
      )}
    </Box>
  );
}

/** Only streets and townships hold delegated powers. */
function HoldingsSection() {
  const record = useRecordContext();
  if (record?.kind !== 'STREET' && record?.kind !== 'TOWNSHIP') return null;
  return (
    <Labeled label="app.holdings.title" fullWidth>
      <Holdings />
    </Labeled>
  );
}

/** An organization's page: its fields, for a street or township the powers it holds on a day, then what points at it. */
export function OrganizationShow() {
  return (
    <ResourceShow resource={organization}>
      <HoldingsSection />
    </ResourceShow>
  );
}
