import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Link, Title, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { CaseRankingDocument, type CaseRankingQuery } from '../generated/operations';
import { currentYear } from '../dates';
import { useLang } from './use-lang';
import { useFileExport } from './file-export';

// The units ranked by their six-rate score for a year (the API's caseRanking, 《镇平县行政执法改革
// 与管理专项整治工作实施方案》附件2): each rate's points and deductions, exportable as a CSV file
// that spreadsheet programs open with its Chinese intact, or as the server's XLSX workbook.

type Row = CaseRankingQuery['caseRanking'][number];
type Lang = 'zh' | 'en';

/** The API writes labels as `中文 (English)`; the part of the admin's language. */
function inLang(label: string, lang: Lang): string {
  const m = /^(.*) \((.*)\)$/s.exec(label);
  return m ? m[lang === 'zh' ? 1 : 2] : label;
}

const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));

/** The table as rows of text, headings first: what the page shows, for the export. */
function tableOf(rows: Row[], lang: Lang, t: (key: string) => string): string[][] {
  const rates = rows[0]?.rates ?? [];
  const head = [t('app.ranking.rank'), t('app.ranking.unit'), ...rates.flatMap((r) => [inLang(r.label, lang), `${inLang(r.label, lang)}${t('app.ranking.deduction_suffix')}`]), t('app.ranking.deductions'), t('app.ranking.total'), t('app.ranking.target')];
  const body = rows.map((row) => [
    points(row.rank),
    row.organization?.name ?? row.organizationId,
    ...row.rates.flatMap((r) => [points(r.points), r.deduction ? `-${r.deduction}` : '0']),
    row.deductions ? `-${row.deductions}` : '0',
    points(row.totalScore),
    `${points(row.filingTarget)}${row.filingTargetDefaulted ? t('app.ranking.target_defaulted') : ''}`,
  ]);
  return [head, ...body];
}

function csvOf(table: string[][]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // The byte-order mark makes spreadsheet programs read the file as UTF-8.
  return `\uFEFF${table.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CaseRanking() {
  const translate = useTranslate();
  const lang = useLang();
  const [year, setYear] = useState(currentYear());
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const { data, isLoading } = useQuery({
    queryKey: ['case-ranking', year],
    queryFn: () => graphql(CaseRankingDocument, { year }).then((d) => d.caseRanking),
    enabled: valid,
  });
  const rows = data ?? [];
  const table = tableOf(rows, lang, translate);
  const exportCsv = () => download(`${translate('app.ranking.title')}-${year}.csv`, csvOf(table));
  const xlsx = useFileExport();
  const exportXlsx = () => xlsx.download(`/export/case-ranking?year=${year}&lang=${lang}`, `case-ranking-${year}.xlsx`);
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('app.ranking.title')} />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
          <TextField
            label={translate('app.ranking.year')}
            type="number"
            size="small"
            name="ranking-year"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            error={!valid}
            inputProps={{ min: 2000, max: 2100 }}
          />
          <Button label="app.ranking.export" startIcon={<DownloadIcon />} onClick={exportCsv} disabled={!rows.length} data-testid="export-ranking" />
          <Button label="app.ranking.export_xlsx" startIcon={<DownloadIcon />} onClick={exportXlsx} disabled={!rows.length || xlsx.busy} data-testid="export-ranking-xlsx" />
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.ranking.hint')}
        </Typography>
        {!isLoading && !rows.length ? (
          <Typography data-testid="ranking-empty">{translate('app.ranking.none', { year })}</Typography>
        ) : (
          <Table size="small" data-testid="case-ranking">
            <TableHead>
              <TableRow>
                {table[0].map((h) => (
                  <TableCell key={h}>{h}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={row.organizationId} data-testid="ranking-row">
                  <TableCell>{table[i + 1][0]}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Link to={`/Organization/${row.organizationId}/show`}>{table[i + 1][1]}</Link>
                  </TableCell>
                  {table[i + 1].slice(2, -1).map((v, j) => (
                    <TableCell key={table[0][j + 2]} sx={{ color: v.startsWith('-') ? 'error.main' : undefined }}>
                      {v}
                    </TableCell>
                  ))}
                  <TableCell>
                    {row.filingTargetDefaulted ? (
                      <Tooltip title={row.rates[0]?.note ? inLang(row.rates[0].note, lang) : ''}>
                        <span data-testid="target-defaulted">{table[i + 1].at(-1)}</span>
                      </Tooltip>
                    ) : (
                      table[i + 1].at(-1)
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
