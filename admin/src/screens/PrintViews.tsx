import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import PrintIcon from '@mui/icons-material/Print';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { graphql, graphqlAllPages } from '../data-provider';
import { CatalogTextDocument, CatalogTextItemsDocument, FindingNoticeDocument } from '../generated/operations';
import { today } from '../dates';

// Print views: a catalog's official text and a finding's rectification notice (整改通知书), on pages
// of their own outside the menu and app bar, laid out for paper. The browser prints them, or saves
// them as PDF; the buttons and links of the page itself are hidden from print.

const PRINT_CSS = `
  .print-page { max-width: 210mm; margin: 0 auto; padding: 16mm; font-family: "SimSun", "Songti SC", serif; color: #000; background: #fff; }
  .print-page h1 { text-align: center; font-size: 22pt; margin: 0 0 4mm; }
  .print-page .doc-number { text-align: center; margin-bottom: 8mm; }
  .print-page table { width: 100%; border-collapse: collapse; font-size: 10.5pt; margin-bottom: 6mm; }
  .print-page th, .print-page td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
  .print-page h2 { font-size: 14pt; margin: 6mm 0 2mm; }
  .print-page .nowrap { white-space: nowrap; }
  .print-page .meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin-bottom: 6mm; }
  .print-page .signature { text-align: right; margin-top: 16mm; line-height: 2; }
  .print-tools { display: flex; gap: 8px; justify-content: flex-end; margin-bottom: 8px; }
  @media print {
    .print-tools { display: none !important; }
    .print-page { padding: 0; max-width: none; }
    .print-page tr { break-inside: avoid; }
    @page { size: A4; margin: 18mm 16mm; }
  }
`;

function PrintPage({ children, testId }: { children: ReactNode; testId: string }) {
  const translate = useTranslate();
  return (
    <div className="print-page" data-testid={testId}>
      <style>{PRINT_CSS}</style>
      <div className="print-tools">
        <button type="button" onClick={() => window.history.back()}>
          {translate('app.print.back')}
        </button>
        <button type="button" onClick={() => window.print()} data-testid="print-now">
          {translate('app.print.print')}
        </button>
      </div>
      {children}
    </div>
  );
}

/** A print view that could not be read (a record gone, a session ended): said, not a blank page. */
function Failed({ error }: { error: Error }) {
  return (
    <div className="print-page" role="alert">
      {error.message}
    </div>
  );
}

/** The 打印 / Print button of a record page, opening its print view. */
export function PrintButton({ view }: { view: 'catalog' | 'finding' }) {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button label="app.print.button" href={`#/print/${view}/${record.id}`} data-testid="print-button">
      <PrintIcon />
    </Button>
  );
}

/** A catalog as issued: title, document number, dates, then its items grouped by street. */
export function CatalogPrint() {
  const { id } = useParams();
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['print-catalog', id],
    queryFn: async () => {
      const [text, items] = await Promise.all([
        graphql(CatalogTextDocument, { id: id! }),
        graphqlAllPages(CatalogTextItemsDocument, { catalogId: id! }, (d) => d.allDelegations),
      ]);
      return { catalog: text.DelegationCatalog, items };
    },
  });
  const catalog = data?.catalog;
  if (error) return <Failed error={error} />;
  if (!catalog || !data) return null;
  const streets = new Map<string, typeof data.items>();
  for (const d of [...data.items].sort((a, b) => (a.recipient.code ?? '').localeCompare(b.recipient.code ?? '') || a.recipient.name.localeCompare(b.recipient.name, 'zh-CN'))) {
    streets.set(d.recipient.name, [...(streets.get(d.recipient.name) ?? []), d]);
  }
  return (
    <PrintPage testId="print-catalog">
      <h1>{catalog.title}</h1>
      {catalog.documentNumber && <div className="doc-number">{catalog.documentNumber}</div>}
      <div className="meta">
        <span>{translate('app.print.issued_by')}</span>
        <span>{catalog.issuingOrganization?.name ?? '—'}</span>
        <span>{translate('app.print.issued_on')}</span>
        <span>{catalog.issuedOn ?? '—'}</span>
        <span>{translate('app.print.effective')}</span>
        <span>{catalog.effectiveFrom}</span>
        <span>{translate('resources.DelegationCatalog.fields.status')}</span>
        <span>{translate(`enums.CatalogStatus.${catalog.status}`)}</span>
        <span />
        <span>{translate('app.print.items', { count: catalog._delegationsMeta.count })}</span>
      </div>
      {[...streets.entries()].map(([street, items]) => (
        <section key={street}>
          <h2>
            {street}（{translate('app.print.items', { count: items.length })}）
          </h2>
          <table>
            <thead>
              <tr>
                <th>{translate('app.holdings.code')}</th>
                <th>{translate('app.holdings.name')}</th>
                <th>{translate('app.holdings.department')}</th>
                <th>{translate('app.holdings.basis')}</th>
                <th>{translate('app.holdings.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{d.powerItem.code}</td>
                  <td>{d.powerItem.name}</td>
                  <td>{d.delegatingOrganization?.name ?? '—'}</td>
                  <td>{d.powerItem.settingBasis ?? '—'}</td>
                  <td className="nowrap">{translate(`enums.DelegationMode.${d.mode}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </PrintPage>
  );
}

/** 整改通知书: the notice an inspecting organization sends the organization responsible for a finding. */
export function FindingNotice() {
  const { id } = useParams();
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['print-finding', id],
    queryFn: () =>
      graphql(FindingNoticeDocument, { id: id! }),
  });
  const finding = data?.Finding;
  if (error) return <Failed error={error} />;
  if (!finding) return null;
  const inspector = finding.inspection?.inspectingOrganization?.name ?? '—';
  return (
    <PrintPage testId="print-finding">
      <h1>{translate('app.print.notice')}</h1>
      <p>{translate('app.print.notice_to', { org: finding.responsibleOrganization?.name ?? '—' })}</p>
      <p style={{ textIndent: '2em', lineHeight: 1.8 }}>
        {translate('app.print.notice_body', {
          date: finding.inspection?.inspectedOn ?? '—',
          inspector,
          title: finding.inspection?.title ?? '—',
          due: finding.dueDate ?? '—',
        })}
      </p>
      <table>
        <tbody>
          <tr>
            <th>{translate('app.print.area')}</th>
            <td>{translate(`enums.FindingArea.${finding.area}`)}</td>
          </tr>
          <tr>
            <th>{translate('app.print.problem')}</th>
            <td>{finding.description}</td>
          </tr>
          {finding.measures && (
            <tr>
              <th>{translate('resources.Finding.fields.measures')}</th>
              <td>{finding.measures}</td>
            </tr>
          )}
          <tr>
            <th>{translate('app.print.due')}</th>
            <td>{finding.dueDate ?? '—'}</td>
          </tr>
          <tr>
            <th>{translate('app.print.status')}</th>
            <td>{translate(`enums.FindingStatus.${finding.status}`)}</td>
          </tr>
        </tbody>
      </table>
      <div className="signature">
        <div>{translate('app.print.signature', { org: inspector })}</div>
        <div>{translate('app.print.printed_on', { date: today() })}</div>
      </div>
    </PrintPage>
  );
}
