import express, { type Request, type Response } from 'express';
import busboy from 'busboy';
import { getApp } from './app';
import type { RequestLimiter } from './shared-limiter';
import { currentActor } from './auth/actor';
import type { Db } from './db';
import { appError, forbidden, loginRequired, notFound, tokensReadOnly } from './errors';
import { attach, ATTACHMENT_LABEL, attachmentMaxBytes, attachmentTooLarge, readAttachment, takesAttachments, type Upload } from './crud/attachments';
import { extensionOf } from './file-types';
import { checkListRead } from './read-guard';
import { disposition } from './spreadsheets/download';
import { rateLimit } from './limits';
import { fail } from './spreadsheet-routes';

// The files kept with records, beside /graphql: `POST /attachments/<Type>/<id>` takes one file (the
// multipart field `file`; `?kind=` names its kind) and answers 201 with the stored attachment;
// `GET /attachments/<id>` sends it back. Both sign in as /graphql does and answer in its error
// contract; what may be written or read is the record's own rule (api/crud/attachments.ts). The
// list is the record's `attachments` field, deletion `deleteAttachment`.

const notMultipart = () =>
  appError('BAD_REQUEST', { zh: '请以 multipart/form-data 上传，文件放在 file 字段', en: 'Upload as multipart/form-data, the file in the field "file"' });

/**
 * The `file` part of a multipart form, its name read as UTF-8 (browsers send Chinese names so).
 * A file over the limit is read to its end without being kept, so the client gets the answer
 * rather than a broken connection, and refused.
 */
function readFilePart(req: Request, limit: number): Promise<Omit<Upload, 'kind'>> {
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: limit } });
    } catch {
      reject(notMultipart());
      return;
    }
    let file: Omit<Upload, 'kind'> | undefined;
    let tooLarge = false;
    form.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
        stream.resume();
      });
      stream.on('end', () => {
        if (!tooLarge) file = { fileName: info.filename ?? '', bytes: Buffer.concat(chunks) };
      });
    });
    form.on('error', () => reject(notMultipart()));
    form.on('close', () => (tooLarge ? reject(attachmentTooLarge()) : file ? resolve(file) : reject(notMultipart())));
    req.pipe(form);
  });
}

/** `signIn` is the server's: who is asking, exactly as for /graphql. */
export function attachmentRoutes(db: Db, limiter: RequestLimiter, signIn: express.RequestHandler): express.Router {
  const router = express.Router();

  router.post('/attachments/:type/:id', signIn, rateLimit(limiter), async (req: Request, res: Response) => {
    const actor = currentActor()!;
    try {
      // Refused before the body is read: a token or a stranger uploads nothing, however large.
      if (actor.kind === 'TOKEN') throw tokensReadOnly();
      if (actor.kind !== 'USER') throw loginRequired();
      const named = getApp().records.named(req.params.type as string);
      if (!named || !takesAttachments(named.model)) throw notFound({ zh: '可上传附件的记录类型', en: 'Record type taking attachments' }, req.params.type as string);
      const limit = attachmentMaxBytes();
      // A body far over the limit is refused unread (the form's own overhead is far below a megabyte).
      if (Number(req.headers['content-length'] ?? 0) > limit + 1024 * 1024) {
        res.setHeader('Connection', 'close');
        throw attachmentTooLarge();
      }
      if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) throw notMultipart();
      const part = await readFilePart(req, limit);
      const kind = typeof req.query.kind === 'string' ? req.query.kind : null;
      const saved = await db.transaction((tx) => attach(tx, named.service, req.params.id, { ...part, kind }));
      // Ids as /graphql gives them (ID is text), so a client reads one shape from both.
      res.status(201).json({ ...saved, id: String(saved.id), recordId: String(saved.recordId) });
    } catch (e) {
      fail(res, e);
    }
  });

  router.get('/attachments/:id', signIn, rateLimit(limiter), async (req: Request, res: Response) => {
    const actor = currentActor()!;
    try {
      if (actor.kind === 'ANONYMOUS') throw loginRequired();
      const { records } = getApp();
      const { file, model } = await readAttachment(db, records, req.params.id);
      if (actor.kind === 'TOKEN') {
        // A token reads a record's files only with the record in its scopes, as it reads the record;
        // outside them the file is as unknown as a missing one, so ids tell nothing of other records.
        if (!actor.scopes?.includes(model.name)) throw notFound(ATTACHMENT_LABEL, String(req.params.id));
        // A file of a record that names people (a rectification report names who must act) is
        // personal data as a whole: it cannot be masked, so it is refused without that scope.
        if (!actor.personalData && model.fields.some((f) => f.personal)) {
          throw forbidden('此 API 令牌无个人信息权限，不能下载载有人员信息的记录的附件', 'This API token has no personal-data scope and cannot download the files of a record that names people');
        }
      }
      checkListRead(records, actor, model.name, {});
      const bytes = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
      res.status(200);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Length', String(bytes.length));
      // Sent as a file to save, never shown in the admin's own origin.
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Disposition', disposition(file.fileName, `${ATTACHMENT_LABEL.en.toLowerCase()}-${file.id}.${extensionOf(file.fileName)}`));
      res.end(bytes);
    } catch (e) {
      fail(res, e);
    }
  });

  return router;
}
