import { readFileSync } from 'node:fs';
import { browserSession, browserSuite } from '../helpers/browser';

jest.setTimeout(600_000);

// A supervisor keeps a rectification report with a finding by clicking: the board, a finding, 附件,
// choose a file; then downloads it under its Chinese name, byte for byte, and sees the upload in the
// finding's history. A viewer opening the same finding can download but is offered no upload.

const session = browserSession();
const FILE_NAME = '涅阳街道整改报告（第一次）.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

browserSuite('attachments on a record page', () => {
  let findingUrl: string;

  it('uploads a rectification report on a finding and downloads the same file', async () => {
    const { page } = session;
    await session.signIn('supervisor');
    await page.getByRole('menuitem', { name: '发现问题', exact: true }).click();
    await session.settled();
    await page.getByTestId('finding-card').first().click();
    await page.waitForURL(/#\/Finding\/\d+\/show/);
    await session.settled();
    findingUrl = page.url();

    const section = page.getByTestId('attachments');
    await section.waitFor();
    const rowsBefore = await section.getByTestId('attachment-row').count();
    await section.getByTestId('attachment-file').setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
    await session.count(section.getByTestId('attachment-row'), rowsBefore + 1);
    const row = section.getByTestId('attachment-row').filter({ hasText: FILE_NAME });
    await expect(row.textContent()).resolves.toContain('整改报告');
    await section.scrollIntoViewIfNeeded();
    await session.shot('attachments-finding');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);

    await page.getByTestId('record-history').getByText('上传附件').first().waitFor();
    await expect(page.getByTestId('record-history').textContent()).resolves.toContain(FILE_NAME);
  });

  it('refuses a program renamed .pdf with the server’s reason, and keeps nothing', async () => {
    const { page } = session;
    const section = page.getByTestId('attachments');
    const rows = await section.getByTestId('attachment-row').count();
    await section.getByTestId('attachment-file').setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256)]) });
    await page.getByText('文件内容须与扩展名相符').waitFor();
    await session.settled();
    expect(await section.getByTestId('attachment-row').count()).toBe(rows);
  });

  it('offers a viewer the download but no upload or delete', async () => {
    const { page } = session;
    await session.signIn('viewer');
    await page.goto(findingUrl);
    await session.settled();
    const section = page.getByTestId('attachments');
    await section.getByTestId('attachment-row').filter({ hasText: FILE_NAME }).waitFor();
    expect(await section.getByTestId('attachment-file').count()).toBe(0);
    expect(await section.getByTestId('attachment-delete').count()).toBe(0);
  });
});
