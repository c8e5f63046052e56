import ExcelJS from 'exceljs';
import path from 'node:path';
import { browserSession, browserSuite, shotsDir } from '../helpers/browser';
import { ok } from '../helpers/operations';
import { today } from '../../api/dates';

// A task is many steps, each allowed STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// The team standard sheet (规范化建设达标情况) on the demo county as a supervisor reads it: reached from
// the menu, each street and township with its passes and failures as the API counts them, and the
// XLSX the county files downloaded with the same figures; a street's HR officer sees their own line.
// And the certificate form: the status is set on creation, not offered when editing; and a departure
// the street's HR officer completes by clicking leaves the person's certificate cancelled (注销).

const s = browserSession();

browserSuite('the team standard sheet', () => {
  it('shows every street and township with its passes, and exports the sheet', async () => {
    const { page } = s;
    await s.signIn('supervisor');
    await page.getByRole('menuitem', { name: '规范化建设达标情况' }).click();
    await s.settled();
    await page.locator('input[name="standards-year"]').fill('2025');
    await s.settled();

    const sheet = await ok<any[]>(s.server, 'teamStandards', { year: 2025 }, 'organizationId standard passed organization { name }');
    const teams = [...new Set(sheet.map((r) => r.organizationId))];
    expect(teams.length).toBeGreaterThan(10);
    const rows = page.getByTestId('standards-row');
    await s.count(rows, teams.length);
    const names = await rows.locator('td:nth-child(1)').allTextContents();
    expect(names).toEqual(teams.map((id) => sheet.find((r) => r.organizationId === id)!.organization.name));
    const passed = await page.getByTestId('passed-count').allTextContents();
    expect(passed).toEqual(teams.map((id) => `${sheet.filter((r) => r.organizationId === id && r.passed).length}/11`));
    // Failures are marked cell by cell.
    const failures = sheet.filter((r) => !r.passed).length;
    expect(failures).toBeGreaterThan(0);
    await s.count(page.locator('[data-testid^="cell-"][data-passed="false"]'), failures);
    await s.shot('team-standards-2025');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-standards').click()]);
    expect(download.suggestedFilename()).toBe('规范化建设达标情况-2025.xlsx');
    const file = path.join(shotsDir, '..', 'team-standards.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const lines: unknown[][] = [];
    book.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    expect(lines[1]).toEqual(['序号', '街道/乡镇', '标准', '要求', '应达数', '实有数', '是否达标', '依据']);
    expect(lines).toHaveLength(sheet.length + 2);
    expect(lines.slice(2).filter((l) => l[6] === '未达标')).toHaveLength(failures);
    expect(lines.slice(2).map((l) => l[1])).toEqual(sheet.map((r) => r.organization.name));
  });

  it('shows a street’s HR officer the street’s own line', async () => {
    const { page } = s;
    await s.signIn('hr');
    await s.go('/team-standards');
    await s.count(page.getByTestId('standards-row'), 1);
    await expect(page.getByTestId('standards-row').locator('td').first().textContent()).resolves.toBe('涅阳街道');
  });

  it('offers a certificate’s status when creating it, not when editing it', async () => {
    const { page } = s;
    await s.signIn('admin');
    const [certificate] = await ok<any[]>(s.server, 'allCertificates', { perPage: 1, filter: { status: 'VALID' } }, 'id');
    await s.go(`/Certificate/${certificate.id}`);
    await page.getByLabel('证号').first().waitFor();
    await expect(page.getByLabel('证件状态').count()).resolves.toBe(0);
    await s.go('/Certificate/create');
    await page.getByLabel('证件状态').first().waitFor();
  });

  it('cancels the certificate of a person whose departure the street’s HR officer completes', async () => {
    const { page } = s;
    await s.signIn('hr');
    const [home] = await ok<any[]>(s.server, 'allOrganizations', { filter: { name: '涅阳街道' } }, 'id');
    const staff = await ok<any[]>(s.server, 'allStaffMembers', { filter: { organizationId: home.id, status: 'ON_DUTY' }, perPage: 100 }, 'id name certificates { id status }');
    const person = staff.find((p) => p.certificates.some((c: any) => c.status === 'VALID'))!;
    const certificate = person.certificates.find((c: any) => c.status === 'VALID');
    await s.go(`/Certificate/${certificate.id}/show`);
    const status = page.locator('.RaShow-main .ra-field-status');
    await status.getByText('有效').waitFor();
    await expect(page.locator('.RaShow-main').getByText('注销').count()).resolves.toBe(0);

    // The street drafts the departure (调出) and completes it itself: it leaves for no organization.
    const hr = s.server.as((await ok(s.server.as(null), 'login', { username: 'hr', password: 'demo' }, 'token')).token);
    const transfer = (await ok(hr, 'createTransfer', { staffMemberId: person.id, kind: 'DEPARTURE', effectiveDate: today() })).id;
    await s.go(`/Transfer/${transfer}/show`);
    await page.getByRole('button', { name: '办理调动' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('调动已办理').waitFor();
    await s.settled();

    // The certificate says 注销, with the dated row of its history that the departure wrote.
    await s.go(`/Certificate/${certificate.id}/show`);
    await status.getByText('注销').waitFor();
    await s.shot('certificate-cancelled-by-departure');
    expect(await ok(s.server, 'Certificate', { id: certificate.id }, 'status')).toEqual({ status: 'CANCELLED' });
    const events = await ok<any[]>(s.server, 'allCertificateEvents', { filter: { certificateId: certificate.id, kind: 'CANCELLED' } }, 'occurredOn transferId');
    expect(events).toEqual([{ occurredOn: today(), transferId: transfer }]);
    expect(await ok(s.server, 'StaffMember', { id: person.id }, 'status')).toEqual({ status: 'LEFT' });
  });
});
