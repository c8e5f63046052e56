import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Link, Title, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { TeamStandardsDocument, type TeamStandardsQuery } from '../generated/operations';
import { currentYear } from '../dates';
import { useLang } from './use-lang';
import { useFileExport } from './file-export';

// The team standard sheet (规范化建设达标情况, the API's teamStandards): one line per street or
// township, one column per standard, each cell the team's figure against the required one, marked
// passed or failed; the XLSX the county files comes from the server (GET /export/team-standards).
// A street or township account sees its own line only, as the API answers.

type Row = TeamStandardsQuery['teamStandards'][number];

/** The vacancy cap and rate as percentages, counts as they are. */
const figure = (row: Row, n: number | null | undefined) => (n === null || n === undefined ? '—' : row.standard === 'VACANCY_CAP' ? `${Math.round(n * 1000) / 10}%` : String(n));

function ExportButton({ year, disabled }: { year: number; disabled: boolean }) {
  const lang = useLang();
  const { download, busy } = useFileExport();
  return (
    <Button
      label="app.standards.export"
      startIcon={<DownloadIcon />}
      onClick={() => download(`/export/team-standards?year=${year}&lang=${lang}`, `team-standards-${year}.xlsx`)}
      disabled={busy || disabled}
      data-testid="export-standards"
    />
  );
}

export function TeamStandards() {
  const translate = useTranslate();
  const lang = useLang();
  const [year, setYear] = useState(currentYear());
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const { data, isLoading } = useQuery({
    queryKey: ['team-standards', year],
    queryFn: () => graphql(TeamStandardsDocument, { year }).then((d) => d.teamStandards),
    enabled: valid,
  });
  const rows = data ?? [];
  // The standards in the API's order (each is declared once there), and the lines per organization.
  const standards = rows.filter((r) => r.organizationId === rows[0]?.organizationId);
  const teams = [...new Set(rows.map((r) => r.organizationId))].map((id) => rows.filter((r) => r.organizationId === id));
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('app.standards.title')} />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
          <TextField
            label={translate('app.standards.year')}
            type="number"
            size="small"
            name="standards-year"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            error={!valid}
            inputProps={{ min: 2000, max: 2100 }}
          />
          <ExportButton year={year} disabled={!valid || !rows.length} />
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.standards.hint')}
        </Typography>
        {!isLoading && !rows.length ? (
          <Typography data-testid="standards-empty">{translate('app.standards.none')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="team-standards">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.standards.organization')}</TableCell>
                  <TableCell>{translate('app.standards.passed_count')}</TableCell>
                  {standards.map((s) => (
                    <Tooltip key={s.standard} title={`${s.rule[lang]} — ${s.source}`}>
                      <TableCell data-testid={`standard-${s.standard}`}>{s.label[lang]}</TableCell>
                    </Tooltip>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {teams.map((line) => (
                  <TableRow key={line[0].organizationId} data-testid="standards-row">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Link to={`/Organization/${line[0].organizationId}/show`}>{line[0].organization?.name ?? line[0].organizationId}</Link>
                    </TableCell>
                    <TableCell data-testid="passed-count">
                      {line.filter((r) => r.passed).length}/{line.length}
                    </TableCell>
                    {line.map((r) => (
                      <TableCell
                        key={r.standard}
                        data-testid={`cell-${r.standard}`}
                        data-passed={r.passed}
                        sx={{ whiteSpace: 'nowrap', color: r.passed ? 'success.main' : 'error.main' }}
                      >
                        {r.passed ? '✓' : '✗'} {figure(r, r.actual)} / {figure(r, r.required)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
