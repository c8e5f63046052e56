import { useQuery } from '@tanstack/react-query';
import { Card, CardContent, CardHeader, Grid, List, ListItem, ListItemText, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { Link, Title, useTranslate } from 'react-admin';
import type { ReactNode } from 'react';
import { graphql } from '../data-provider';
import { DashboardDocument } from '../generated/operations';
import { enums } from '../metadata';
import { useLang } from './use-lang';
import { currentYear } from '../dates';
import { UnconfirmedList } from './UnconfirmedDelegations';

/** The list a card counts, with its filter shown: `/Certificate?filter={"daysToExpiry_lte":30}`. */
function listOf(resource: string, filter: Record<string, unknown> = {}): string {
  const shown = Object.fromEntries(Object.keys(filter).map((k) => [k, true]));
  return `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&displayedFilters=${encodeURIComponent(JSON.stringify(shown))}`;
}

/** Days ahead at which certificates due for renewal are counted. */
const EXPIRY_ALERTS = [30, 60, 90] as const;

/** A card of the dashboard; its title and count open the list it counts. */
function Figure({ title, count, children, testId, to }: { title: string; count?: number; children: ReactNode; testId: string; to?: string }) {
  const figure = count === undefined ? null : <Typography variant="h4" color={count ? 'error' : 'success'} sx={{ px: 2 }}>{count}</Typography>;
  return (
    <Card sx={{ height: '100%' }} data-testid={testId}>
      <CardHeader
        title={to ? <Link to={to} data-testid={`${testId}-link`}>{title}</Link> : title}
        action={to && figure ? <Link to={to} underline="none">{figure}</Link> : figure}
      />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
}

/** Up to six records, each a link to its page with a line of detail. */
function Rows<T extends { id: string }>({ rows, to, primary, secondary }: { rows: T[]; to: (row: T) => string; primary: (row: T) => string; secondary: (row: T) => string }) {
  const translate = useTranslate();
  if (!rows.length) return <Typography color="text.secondary">{translate('app.dashboard.none')}</Typography>;
  return (
    <List dense disablePadding>
      {rows.slice(0, 6).map((row) => (
        <ListItem key={row.id} disableGutters>
          <ListItemText primary={<Link to={to(row)}>{primary(row)}</Link>} secondary={secondary(row)} />
        </ListItem>
      ))}
    </List>
  );
}

export function Dashboard() {
  const translate = useTranslate();
  const lang = useLang();
  const year = currentYear(); // the county's year, in the configured zone
  const { data } = useQuery({ queryKey: ['dashboard', year], queryFn: () => graphql(DashboardDocument, { year }) });
  if (!data) return <Title title="app.dashboard.title" />;
  const byEscalation = enums.EscalationLevel.values.map((v) => ({
    level: v.label[lang],
    count: data.overdueFindings.filter((f) => f.escalation === v.value).length,
  }));
  const met = data.trainingHours.filter((t) => t.meetsProfessionalLawMinimum).length;
  const below = data.trainingHours.length - met;
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Title title="app.dashboard.title" />
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure
          title={translate('app.dashboard.vacancy')}
          count={data.quotasAboveVacancyCap.length}
          testId="vacancy"
          to={listOf('StaffingQuota', { year_gte: year, year_lte: year, aboveVacancyCap: true })}
        >
          <Rows
            rows={data.quotasAboveVacancyCap}
            to={(q) => `/StaffingQuota/${q.id}/show`}
            primary={(q) => q.organization.name}
            secondary={(q) => `${translate(`enums.StaffCategory.${q.category}`)} · ${q.occupied}/${q.approvedCount} · ${q.vacancyRate == null ? '—' : `${(q.vacancyRate * 100).toFixed(1)}%`}`}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure title={translate('app.dashboard.secondments')} count={data.overdueSecondments.length} testId="secondments" to={listOf('Transfer', { returnOverdue: true })}>
          <Rows
            rows={data.overdueSecondments}
            to={(t) => `/Transfer/${t.id}/show`}
            primary={(t) => t.staffMember.name}
            secondary={(t) => `${t.toOrganization?.name ?? ''} · ${t.expectedReturnDate}`}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure
          title={translate('app.dashboard.certificates')}
          count={data.staffWithoutValidCertificate.length}
          testId="certificates"
          to={listOf('StaffMember', { certificateAlert: true })}
        >
          <Rows
            rows={data.staffWithoutValidCertificate}
            to={(s) => `/StaffMember/${s.id}/show`}
            primary={(s) => s.name}
            secondary={(s) => s.organization.name}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure title={translate('app.dashboard.expiring')} testId="expiring" to={listOf('Certificate', { daysToExpiry_lte: 90 })}>
          <List dense disablePadding>
            {EXPIRY_ALERTS.map((days) => (
              <ListItem key={days} disableGutters>
                <ListItemText
                  primary={
                    <Link to={listOf('Certificate', { daysToExpiry_lte: days })} data-testid={`expiring-${days}`}>
                      {translate('app.dashboard.expiring_within', { days, count: data[`expiring${days}`].count })}
                    </Link>
                  }
                />
              </ListItem>
            ))}
          </List>
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure
          title={translate('app.dashboard.over_establishment')}
          count={data.overEstablishment.length}
          testId="over-establishment"
          to={listOf('StaffingQuota', { year_gte: year, year_lte: year, overEstablishment: true })}
        >
          <Rows
            rows={data.overEstablishment}
            to={(q) => `/StaffingQuota/${q.id}/show`}
            primary={(q) => q.organization.name}
            secondary={(q) => `${translate(`enums.StaffCategory.${q.category}`)} · ${q.occupied}/${q.approvedCount}`}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure
          title={translate('app.dashboard.findings_by_escalation')}
          count={data.overdueFindings.length}
          testId="findings"
          to={listOf('Finding', { overdue: true })}
        >
          <BarChart
            height={240}
            dataset={byEscalation}
            xAxis={[{ scaleType: 'band', dataKey: 'level' }]}
            series={[{ dataKey: 'count', label: translate('app.dashboard.findings') }]}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure title={translate('app.dashboard.referrals')} count={data.overdueCaseReferrals.length} testId="referrals" to={listOf('CaseReferral', { overdue: true })}>
          <Rows
            rows={data.overdueCaseReferrals}
            to={(r) => `/CaseReferral/${r.id}/show`}
            primary={(r) => `${r.fromOrganization.name} → ${r.toOrganization.name}`}
            secondary={(r) => `${translate(`enums.ReferralStatus.${r.status}`)} · ${r.sentOn}`}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure
          title={translate('app.dashboard.dispatch')}
          count={data.overdueDispatchAssignments.length}
          testId="dispatch"
          to={listOf('DispatchAssignment', { overdue: true })}
        >
          <Rows
            rows={data.overdueDispatchAssignments}
            to={(a) => `/DispatchAssignment/${a.id}/show`}
            primary={(a) => `${a.request.street.name} → ${a.department.name}`}
            secondary={(a) => translate('app.dashboard.dispatch_row', { status: translate(`enums.DispatchStatus.${a.status}`), dueOn: a.request.dueOn })}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure title={translate('app.dashboard.complaints', { year })} testId="complaints" to="/Complaint">
          <Rows
            rows={data.complaintCounts.map((c) => ({ ...c, id: c.organization.id }))}
            to={(c) => `/Complaint?filter=${encodeURIComponent(JSON.stringify({ responsibleOrganizationId: c.id }))}`}
            primary={(c) => c.organization.name}
            secondary={(c) => translate('app.dashboard.complaints_row', c)}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure title={translate('app.dashboard.training', { year })} testId="training">
          <PieChart
            height={200}
            series={[
              {
                data: [
                  { id: 0, value: met, label: `${translate('app.dashboard.training_met')} ${met}` },
                  { id: 1, value: below, label: `${translate('app.dashboard.training_below')} ${below}` },
                ],
              },
            ]}
          />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure
          title={translate('app.dashboard.unconfirmed')}
          count={data.unconfirmedDelegations.reduce((n, r) => n + r.count, 0)}
          testId="unconfirmed-card"
        >
          <UnconfirmedList rows={data.unconfirmedDelegations.slice(0, 6)} />
        </Figure>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 4 }}>
        <Figure title={translate('app.dashboard.catalogs')} testId="catalogs" to="/DelegationCatalog">
          <Rows
            rows={data.allDelegationCatalogs}
            to={(c) => `/DelegationCatalog/${c.id}/show`}
            primary={(c) => c.title}
            secondary={(c) => `${translate(`enums.CatalogStatus.${c.status}`)} · ${c.effectiveFrom}`}
          />
        </Figure>
      </Grid>
    </Grid>
  );
}
