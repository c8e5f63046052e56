import { createHash } from 'node:crypto';
import { withWorld } from '../helpers/fixtures';
import { call, ok } from '../helpers/operations';
import { expectBilingual, nothingWritten, refused, errorCode } from '../helpers/expect-errors';
import type { TestServer } from '../helpers/test-server';

// Files kept with records (a finding's 整改报告, a catalog's 发文): uploaded beside /graphql, listed
// as the record's `attachments`, downloaded with the record's own read rule, deleted by those who may
// change the record, each step in the record's history.

const { server, world } = withWorld();

const MAX_BYTES = 20 * 1024 * 1024;
const FILE_NAME = '镇平县某街道整改报告（第一次）.pdf';
/** A small but real PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A Windows program: what a renamed .exe begins with. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(512, 0x41)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

const ATTACHMENT = 'id resource recordId kind fileName contentType size sha256 uploadedAt uploadedBy url';

let base: string;
let finding: string;
let otherStreet: string;
beforeAll(async () => {
  base = server.url.replace(/\/graphql$/, '');
  ({ finding } = await world.supervision());
  otherStreet = await world.org('另一测试街道', 'STREET');
});

/** The bearer token of a user of this role (and organization). */
const tokenOf = (role: string, org: string | null = null) => server.tokenFor(role, org);

async function upload(type: string, id: string, bytes: Buffer, fileName: string, token: string | null, kind?: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), fileName);
  return fetch(`${base}/attachments/${type}/${id}${kind ? `?kind=${kind}` : ''}`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

const download = (id: string, token: string | null) => fetch(`${base}/attachments/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

type ErrorBody = { errors: { extensions: { code: string; messages: { zh: string; en: string }; fieldErrors?: { field: string; rule: string; zh: string; en: string }[] } }[] };

/** The one error of a refused route call, checked to be bilingual. */
async function routeError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors;
  expect(error.extensions.code).toBe(code);
  expectBilingual(error.extensions.messages);
  return error.extensions;
}

const attachmentsOf = (as: TestServer, type: string, id: string) =>
  as.gql(`query($id: ID!) { ${type}(id: $id) { attachments { ${ATTACHMENT} } } }`, { id });

async function history(type: string, id: string) {
  return ok<{ operation: string; actorName: string; fieldChanges: { field: string; label: { zh: string }; beforeText: { zh: string }; afterText: { zh: string } }[] }[]>(
    server,
    'auditTrail',
    { resource: type, id },
    'operation actorName fieldChanges { field label { zh en } beforeText { zh en } afterText { zh en } }',
  );
}

describe('a rectification report kept with a finding', () => {
  let attachmentId: string;

  it('is uploaded, listed and downloaded byte for byte under its Chinese name', async () => {
    const res = await upload('Finding', finding, PDF, FILE_NAME, await tokenOf('SUPERVISOR'), 'RECTIFICATION_REPORT');
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Record<string, unknown>;
    attachmentId = String(saved.id);
    expect(saved).toMatchObject({ resource: 'Finding', recordId: finding, kind: 'RECTIFICATION_REPORT', fileName: FILE_NAME, contentType: 'application/pdf', size: PDF.length });

    const listed = await attachmentsOf(server, 'Finding', finding);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.Finding.attachments).toEqual([
      expect.objectContaining({ id: attachmentId, fileName: FILE_NAME, kind: 'RECTIFICATION_REPORT', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), url: `/attachments/${attachmentId}` }),
    ]);

    // Anyone signed in who may read the finding may read its report: a viewer of the county.
    const got = await download(attachmentId, await tokenOf('VIEWER'));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = got.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment;/);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1])).toBe(FILE_NAME);
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('is in the finding’s history, by kind and name', async () => {
    const [entry] = (await history('Finding', finding)).filter((e) => e.operation === 'attach');
    expect(entry.fieldChanges).toEqual([expect.objectContaining({ field: 'attachment', label: { zh: '附件', en: 'Attachment' } })]);
    expect(entry.fieldChanges[0].afterText.zh).toBe(`整改报告：${FILE_NAME}`);
  });

  it('is refused when larger than the limit, with nothing written', async () => {
    const supervisor = await tokenOf('SUPERVISOR');
    const extensions = await nothingWritten(server, async () =>
      routeError(await upload('Finding', finding, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_BYTES)]), '大文件.pdf', supervisor), 413, 'PAYLOAD_TOO_LARGE'),
    );
    expect(extensions.messages.zh).toContain('20 MB');
    // Far over the limit, the body is refused by its declared length, unread.
    const huge = await nothingWritten(server, async () =>
      routeError(await upload('Finding', finding, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_BYTES + 2 * 1024 * 1024)]), '大文件.pdf', supervisor), 413, 'PAYLOAD_TOO_LARGE'),
    );
    expectBilingual(huge.messages);
  });

  it('is refused when its content is not what its name says (a program renamed .pdf), or of a type not taken', async () => {
    const supervisor = await tokenOf('SUPERVISOR');
    for (const [bytes, name] of [[EXE, '整改报告.pdf'], [EXE, 'setup.exe'], [PDF, '整改报告.txt']] as const) {
      const extensions = await nothingWritten(server, async () => routeError(await upload('Finding', finding, bytes, name, supervisor), 400, 'BAD_USER_INPUT'));
      expect(extensions.fieldErrors).toEqual([expect.objectContaining({ field: 'file', rule: 'type' })]);
      const { zh, en } = extensions.fieldErrors![0];
      expectBilingual({ zh, en });
    }
    const unknownKind = await nothingWritten(server, async () => routeError(await upload('Finding', finding, PDF, '报告.pdf', supervisor, 'INVOICE'), 400, 'BAD_USER_INPUT'));
    expect(unknownKind.fieldErrors).toEqual([expect.objectContaining({ field: 'kind', rule: 'enum' })]);
    expect(unknownKind.fieldErrors![0].zh).toContain('整改报告');
    // Names every object answers to are not kinds either.
    for (const kind of ['constructor', 'toString', '__proto__']) {
      const inherited = await nothingWritten(server, async () => routeError(await upload('Finding', finding, PDF, '报告.pdf', supervisor, kind), 400, 'BAD_USER_INPUT'));
      expect(inherited.fieldErrors).toEqual([expect.objectContaining({ field: 'kind', rule: 'enum' })]);
    }
  });

  it('is written by a street account only on its own street’s finding', async () => {
    const ownStreet = await tokenOf('SUPERVISOR', world.street);
    const foreign = await tokenOf('SUPERVISOR', otherStreet);
    const extensions = await nothingWritten(server, async () => routeError(await upload('Finding', finding, PDF, '整改报告.pdf', foreign), 403, 'FORBIDDEN'));
    expect(extensions.messages.zh).toContain('本单位');
    expect((await upload('Finding', finding, PNG, '现场照片.png', ownStreet, 'EVIDENCE')).status).toBe(201);
    // A viewer may read but not write.
    await nothingWritten(server, async () => routeError(await upload('Finding', finding, PDF, '整改报告.pdf', await tokenOf('VIEWER')), 403, 'FORBIDDEN'));
    // Reading is the finding’s rule: the other street reads it, and its files.
    expect((await download(attachmentId, foreign)).status).toBe(200);
  });

  it('is read by an API token only with the finding in its scopes and the personal-data scope, never written by one, and by no one signed out', async () => {
    const issue = async (scopes: string[], personalData = false) =>
      (await ok<{ secret: string }>(server, 'issueApiToken', { name: '督查平台', scopes, personalData, expiresAt: '2099-01-01T00:00:00Z' }, 'secret')).secret;
    const unscoped = await issue(['Organization']);
    const maskedOnly = await issue(['Finding']);
    const scoped = await issue(['Finding'], true);
    // Outside its scopes a file is as unknown as one that does not exist: the same answer for both.
    const refusal = await routeError(await download(attachmentId, unscoped), 404, 'NOT_FOUND');
    const missing = await routeError(await download('999999', unscoped), 404, 'NOT_FOUND');
    expect(refusal.messages.zh.replace(attachmentId, '…')).toBe(missing.messages.zh.replace('999999', '…'));
    expect(errorCode(await attachmentsOf(server.as(unscoped), 'Finding', finding))).toBe('FORBIDDEN');
    // A finding names its responsible person: its files are personal data, not downloadable masked.
    const personal = await routeError(await download(attachmentId, maskedOnly), 403, 'FORBIDDEN');
    expect(personal.messages.zh).toContain('个人信息');
    expect(personal.messages.en).toContain('personal-data');
    const got = await download(attachmentId, scoped);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
    await nothingWritten(server, async () => routeError(await upload('Finding', finding, PDF, '整改报告.pdf', scoped), 403, 'FORBIDDEN'));
    await routeError(await download(attachmentId, null), 401, 'UNAUTHENTICATED');
    await nothingWritten(server, async () => routeError(await upload('Finding', finding, PDF, '整改报告.pdf', null), 401, 'UNAUTHENTICATED'));
  });

  it('is refused for a record that does not exist or takes no files', async () => {
    const supervisor = await tokenOf('SUPERVISOR');
    await nothingWritten(server, async () => routeError(await upload('Finding', '999999', PDF, '整改报告.pdf', supervisor), 404, 'NOT_FOUND'));
    await nothingWritten(server, async () => routeError(await upload('Organization', world.street, PDF, '整改报告.pdf', server.adminToken), 404, 'NOT_FOUND'));
    await routeError(await download('999999', supervisor), 404, 'NOT_FOUND');
  });

  it('is deleted only by those who may change the finding, and the deletion is in its history', async () => {
    const foreign = server.as(await tokenOf('SUPERVISOR', otherStreet));
    expect(errorCode(await refused(foreign, 'deleteAttachment', { id: attachmentId }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(server.as(await tokenOf('VIEWER')), 'deleteAttachment', { id: attachmentId }))).toBe('FORBIDDEN');

    const supervisor = server.as(await tokenOf('SUPERVISOR'));
    expect(await ok(supervisor, 'deleteAttachment', { id: attachmentId }, 'fileName')).toEqual({ fileName: FILE_NAME });
    const left = (await attachmentsOf(server, 'Finding', finding)).data!.Finding.attachments as { fileName: string }[];
    expect(left.map((a) => a.fileName)).toEqual(['现场照片.png']);
    await routeError(await download(attachmentId, await tokenOf('SUPERVISOR')), 404, 'NOT_FOUND');
    expect(errorCode(await call(supervisor, 'deleteAttachment', { id: attachmentId }))).toBe('NOT_FOUND');

    const detached = (await history('Finding', finding)).filter((e) => e.operation === 'detach');
    expect(detached).toHaveLength(1);
    expect(detached[0].fieldChanges[0]).toMatchObject({ field: 'attachment', beforeText: { zh: `整改报告：${FILE_NAME}` }, afterText: { zh: '—' } });
  });

  it('keeps the uploader’s name when the account is deleted later', async () => {
    const [photo] = ((await attachmentsOf(server, 'Finding', finding)).data!.Finding.attachments as { fileName: string; uploadedBy: string }[]).filter((a) => a.fileName === '现场照片.png');
    const [uploader] = await ok<{ id: string }[]>(server, 'allUsers', { filter: { organizationId: world.street, role: 'SUPERVISOR' } }, 'id');
    // An account that signed in is kept while its sessions and sign-ins are (the login log refers to
    // it); once a retention purge has removed them, it can be deleted, and its uploads stay.
    await server.database.db.execute(`delete from user_sessions where user_id = ${Number(uploader.id)}`);
    await server.database.db.execute(`delete from login_events where user_id = ${Number(uploader.id)}`);
    await ok(server, 'deleteUser', { id: uploader.id });
    const after = (await attachmentsOf(server, 'Finding', finding)).data!.Finding.attachments as { fileName: string; uploadedBy: string }[];
    expect(after.find((a) => a.fileName === '现场照片.png')?.uploadedBy).toBe(photo.uploadedBy);
  });
});

describe('every record that takes files', () => {
  it('keeps a catalog’s 发文, a delegation’s 赋权确认书 and an inspection’s report the same way', async () => {
    const { inspection } = await world.supervision();
    for (const [type, id, kind] of [
      ['DelegationCatalog', world.catalog, 'ISSUING_DOCUMENT'],
      ['Delegation', world.delegation, 'CONFIRMATION'],
      ['Inspection', inspection, 'INSPECTION_REPORT'],
    ] as const) {
      const res = await upload(type, id, PDF, `${type}.pdf`, server.adminToken, kind);
      expect(res.status).toBe(201);
      const listed = await attachmentsOf(server, type, id);
      expect(listed.data![type].attachments).toEqual([expect.objectContaining({ kind, fileName: `${type}.pdf` })]);
    }
  });

  it('takes its files with it when it is deleted', async () => {
    const { finding: doomed } = await world.supervision();
    expect((await upload('Finding', doomed, PDF, '整改报告.pdf', server.adminToken)).status).toBe(201);
    await ok(server, 'deleteFinding', { id: doomed });
    const result = (await server.database.db.execute(`select count(*)::int as n from attachments where resource = 'Finding' and record_id = ${Number(doomed)}`)) as unknown as {
      rows: { n: number }[];
    };
    expect(result.rows[0].n).toBe(0);
  });
});
