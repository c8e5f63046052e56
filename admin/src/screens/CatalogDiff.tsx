import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Card, CardContent, Checkbox, Chip, FormControlLabel, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { graphql } from '../data-provider';
import { useFileExport } from './file-export';
import { CatalogDiffDocument, CatalogEditionsDocument, type CatalogDiffQuery, type DiffItemFragment } from '../generated/operations';
import { useLang } from './use-lang';

// What an adjustment of the catalog changes, street by street (the API's catalogDiff): shown before a
// draft is published, with each loss to be confirmed, and on a catalog's page against any edition.

type Diff = CatalogDiffQuery['catalogDiff'];
type Item = DiffItemFragment;
type Terms = Item['before'];

export function useCatalogDiff(fromId: string | null | undefined, toId: string | null | undefined) {
  return useQuery({
    queryKey: ['catalog-diff', fromId, toId],
    enabled: Boolean(fromId && toId),
    queryFn: () => graphql(CatalogDiffDocument, { fromId: fromId!, toId: toId! }).then((d) => d.catalogDiff),
  });
}

/** A delegation's mode and department, as a short line. */
function termsOf(terms: Terms, translate: (key: string) => string): string {
  if (!terms) return '';
  return [translate(`enums.DelegationMode.${terms.mode}`), terms.delegatingOrganization?.name].filter(Boolean).join(' · ');
}

function Items({ items, kind }: { items: Item[]; kind: 'added' | 'removed' | 'changed' }) {
  const translate = useTranslate();
  const lang = useLang();
  if (!items.length) return null;
  const color = kind === 'added' ? 'success.main' : kind === 'removed' ? 'error.main' : 'warning.main';
  return (
    <Box sx={{ mt: 1 }} data-testid={`diff-${kind}`}>
      <Typography variant="subtitle2" sx={{ color }}>
        {translate(`app.diff.${kind}`, { count: items.length })}
      </Typography>
      {items.map((item) => (
        <Box key={item.powerItemId} sx={{ pl: 1, borderLeft: 3, borderColor: color, mb: 0.5 }}>
          <Typography variant="body2">
            {item.powerItem.name}{' '}
            <Typography component="span" variant="caption" color="text.secondary">
              {item.powerItem.code} · {termsOf(kind === 'removed' ? item.before : item.after, translate)}
            </Typography>
          </Typography>
          {item.fields.map((f) => (
            <Typography key={f.field} variant="caption" component="div" color="text.secondary">
              {translate('app.history.change', { field: f.label[lang], before: f.beforeText[lang], after: f.afterText[lang] })}
            </Typography>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/**
 * The streets that gain, lose or change, one card each, in the API's order (by code). With
 * `confirmed`, a street that loses items carries a checkbox the editor ticks to confirm the loss.
 */
export function DiffView({
  diff,
  confirmed,
  onConfirm,
  lossesFirst,
}: {
  diff: Diff;
  confirmed?: Set<string>;
  onConfirm?: (id: string, on: boolean) => void;
  /** Streets that lose items before the others (the publication preview, where each is confirmed). */
  lossesFirst?: boolean;
}) {
  const translate = useTranslate();
  return (
    <Box data-testid="catalog-diff">
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="diff-summary">
        {translate('app.diff.summary', { streets: diff.recipients.length, added: diff.added, removed: diff.removed, changed: diff.changed, unchanged: diff.unchanged })}
      </Typography>
      {!diff.recipients.length && <Typography color="text.secondary">{translate('app.diff.none')}</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', gap: 1.5, alignItems: 'start' }}>
        {(lossesFirst ? [...diff.recipients].sort((a, b) => Number(b.removed.length > 0) - Number(a.removed.length > 0)) : diff.recipients).map((r) => (
          <Card key={r.recipientId} variant="outlined" data-testid="diff-street" sx={{ borderColor: r.removed.length ? 'error.light' : undefined }}>
            <CardContent sx={{ pb: '12px !important' }}>
              <Typography variant="subtitle1" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                {r.recipient.name}
                {r.added.length > 0 && <Chip size="small" color="success" label={`+${r.added.length}`} />}
                {r.removed.length > 0 && <Chip size="small" color="error" label={`−${r.removed.length}`} />}
                {r.changed.length > 0 && <Chip size="small" color="warning" label={`~${r.changed.length}`} />}
              </Typography>
              <Items items={r.removed} kind="removed" />
              <Items items={r.added} kind="added" />
              <Items items={r.changed} kind="changed" />
              {confirmed && onConfirm && r.removed.length > 0 && (
                <FormControlLabel
                  sx={{ mt: 1 }}
                  control={<Checkbox checked={confirmed.has(r.recipientId)} onChange={(e) => onConfirm(r.recipientId, e.target.checked)} />}
                  label={translate('app.diff.confirm_loss', { street: r.recipient.name, count: r.removed.length })}
                />
              )}
            </CardContent>
          </Card>
        ))}
      </Box>
    </Box>
  );
}

/** The calendar day before a YYYY-MM-DD day. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * What publishing the draft on screen does, for the confirmation dialog: the edition it retires and
 * when, a warning when it takes effect in the past, and per street what it gains and loses. Ready
 * once every street that loses items has been confirmed.
 */
export function PublishPreview({ setReady }: { setReady: (ready: boolean) => void }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const supersedes = record?.supersedesId as string | null | undefined;
  const { data: diff, error } = useCatalogDiff(supersedes, record?.id as string | undefined);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const losing = diff?.recipients.filter((r) => r.removed.length) ?? [];
  const pending = losing.filter((r) => !confirmed.has(r.recipientId)).length;
  const loaded = !supersedes || Boolean(diff);
  useEffect(() => setReady(loaded && pending === 0), [loaded, pending, setReady]);
  if (!record) return null;
  return (
    <Box data-testid="publish-preview">
      {record.retroactive && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="retroactive-warning">
          {translate('app.diff.retroactive', { date: record.effectiveFrom })}
        </Alert>
      )}
      {!supersedes && <Alert severity="info">{translate('app.diff.supersedes_none')}</Alert>}
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {diff && (
        <>
          <Alert severity={losing.length ? 'warning' : 'info'} sx={{ mb: 1 }}>
            {translate('app.diff.supersedes', { title: diff.from.title, end: dayBefore(record.effectiveFrom) })}
            {losing.length > 0 && ` ${translate('app.diff.losses', { count: losing.length })}`}
          </Alert>
          <DiffView
            diff={diff}
            lossesFirst
            confirmed={confirmed}
            onConfirm={(id, on) =>
              setConfirmed((old) => {
                const next = new Set(old);
                if (on) next.add(id);
                else next.delete(id);
                return next;
              })
            }
          />
          {pending > 0 && (
            <Typography color="error" variant="body2" sx={{ mt: 1 }} data-testid="losses-pending">
              {translate('app.diff.pending', { count: pending })}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

/** Downloads the 调整对照表 of the two editions shown (GET /export/catalog-diff) in the admin's language. */
function ExportButton({ fromId, toId }: { fromId: string; toId: string }) {
  const lang = useLang();
  const { download, busy } = useFileExport();
  const run = () => download(`/export/catalog-diff?from=${encodeURIComponent(fromId)}&to=${encodeURIComponent(toId)}&lang=${lang}`, `catalog-diff-${fromId}-${toId}.xlsx`);
  return <Button label="app.diff.export" startIcon={<DownloadIcon />} onClick={run} disabled={busy} data-testid="export-diff" />;
}

/** On a catalog's page: pick another edition and see what changed between the two. */
export function EditionCompare() {
  const record = useRecordContext();
  const translate = useTranslate();
  // What was picked, for which catalog: moving to another catalog's page starts from its default.
  const [pick, setPick] = useState<{ catalog: unknown; id: string } | null>(null);
  const picked = pick && pick.catalog === record?.id ? pick.id : null;
  const { data: editions } = useQuery({
    queryKey: ['catalog-editions'],
    queryFn: () =>
      graphql(CatalogEditionsDocument).then((d) => d.allDelegationCatalogs),
  });
  const others = (editions ?? []).filter((e) => e.id !== record?.id);
  // By default, the edition this one replaces, or else the one replacing it.
  const fallback = (record?.supersedesId as string | null) ?? others.find((e) => e.supersedesId === record?.id)?.id ?? null;
  const otherEdition = others.find((e) => e.id === (picked ?? fallback));
  const other = otherEdition?.id ?? null;
  const earlierFirst = otherEdition && otherEdition.effectiveFrom <= (record?.effectiveFrom as string);
  const [fromId, toId] = earlierFirst ? [other, record?.id as string] : [record?.id as string, other];
  const { data: diff } = useCatalogDiff(other ? fromId : null, other ? toId : null);
  return (
    <Box data-testid="edition-compare">
      <MuiTextField
        select
        size="small"
        sx={{ minWidth: 360, mb: 2 }}
        label={translate('app.diff.compare_with')}
        value={other ?? ''}
        onChange={(e) => setPick({ catalog: record?.id, id: e.target.value })}
        name="compare-with"
      >
        {others.map((e) => (
          <MenuItem key={e.id} value={e.id}>
            {e.title}
          </MenuItem>
        ))}
      </MuiTextField>
      {diff && (
        <>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
            <Typography variant="subtitle2">{translate('app.diff.from_to', { from: diff.from.title, to: diff.to.title })}</Typography>
            <ExportButton fromId={diff.from.id} toId={diff.to.id} />
          </Box>
          <DiffView diff={diff} />
        </>
      )}
    </Box>
  );
}
