import { inArray, or, type SQL } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { ResourceModel, FieldModel } from '../crud/model';
import { rowsWithKeys } from '../crud/validate';
import type { Records } from '../crud/records';
import type { Row } from '../crud/resource';
import type { Db, Tx } from '../db';
import type { JobOutcome, RowProblem } from '../jobs/job-store';
import { fromCell, type Cell } from './cells';
import { nameFields, normalizeHeading, referenced, sheetColumns, type SheetColumn } from './columns';
import type { Line } from './read-file';

// A file's rows written as records, through each record's service (its rules, authorization and
// audit), all in one transaction: a dry run, or a commit with any problem, rolls it back. A row
// that is already stored as the file has it is left alone, so importing a file twice changes
// nothing the second time.

export interface ImportOptions {
  dryRun: boolean;
  /** Values for fields the file leaves empty, by field (`?codeScheme=…` on the request). */
  fixed?: Record<string, string>;
  progress?: (rowsDone: number, rowsTotal: number) => Promise<void>;
}

/** A line whose cells fill the column headings: where the table starts (a title may stand above it). */
const HEADER_SEARCH_LINES = 10;
/** Lines checked and written together: their references, stored records and new records each take one statement. */
const BATCH_LINES = 500;
const NAMES_PER_LOOKUP = 1000;

/** `一、市容环卫（共4项）`, `（二）市场监管`, `3. 生态环境`: the name between the numbering and the count. */
const GROUP_ROW = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d+[、.．])\s*(.+?)\s*(?:[（(]\s*共\s*\d+\s*项\s*[）)])?$/;

const text = (cell: Cell | Date | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim());

/** Thrown to roll back a dry run or a commit that found problems. */
class RollBack extends Error {}

interface Mapped {
  column: SheetColumn;
  index: number;
  heading: string;
}

function problem(row: number, column: string, code: string, zh: string, en: string): RowProblem {
  return { row, column, code, zh, en };
}

/** The columns of the file matched to fields: by label in either language, by declared synonym, by API name. */
function mapHeader(model: ResourceModel, header: Line, notices: RowProblem[]): Mapped[] {
  const columns = sheetColumns(model);
  const mapped: Mapped[] = [];
  header.cells.forEach((cell, index) => {
    const heading = text(cell);
    if (!heading) return;
    const column = columns.find((c) => c.headings.includes(normalizeHeading(heading)));
    if (!column) {
      notices.push(problem(header.number, heading, 'ignoredColumn', `未识别的列“${heading}”，已忽略`, `Column "${heading}" is not a field of ${model.label.en}; ignored`));
      return;
    }
    if (column.field.kind !== 'id' && !column.field.writable) return;
    mapped.push({ column, index, heading });
  });
  return mapped;
}

function findHeader(model: ResourceModel, lines: Line[]): number {
  const columns = sheetColumns(model);
  for (let i = 0; i < Math.min(lines.length, HEADER_SEARCH_LINES); i++) {
    const hits = lines[i].cells.filter((c) => {
      const h = normalizeHeading(text(c));
      return h && columns.some((col) => col.headings.includes(h));
    }).length;
    if (hits >= 2 || (hits === 1 && columns.length === 1)) return i;
  }
  return -1;
}

/**
 * Finds records by the names references are written as (`nameFields`): a code, the full name, a
 * short name; a county-level prefix (县市场监管局) may stand before a short name. A name two records
 * answer to is ambiguous: reported, never guessed. The names of a batch of lines are looked up
 * together (`prefetch`), one statement for all of them.
 */
class ReferenceResolver {
  private readonly cache = new Map<string, number[]>();
  /** Names no record answered to when last looked up, until the import writes again. */
  private readonly misses = new Set<string>();
  constructor(
    private readonly tx: Tx,
    private readonly target: ResourceModel,
  ) {}

  /** The records each name answers to (by a name field, or by id when it is a number). */
  private async find(names: string[]): Promise<Map<string, number[]>> {
    const fields = nameFields(this.target);
    const idColumn = this.target.byKey.get('id')!.column;
    const numbers = names.filter((n) => /^\d{1,9}$/.test(n)).map(Number);
    const conditions: SQL[] = fields.map((f) => inArray(f.column, names));
    if (numbers.length) conditions.push(inArray(idColumn, numbers));
    const rows = (await this.tx
      .select({ id: idColumn, ...Object.fromEntries(fields.map((f) => [f.key, f.column])) })
      .from(this.target.table)
      .where(or(...conditions))) as Record<string, unknown>[];
    const out = new Map<string, number[]>();
    for (const name of names) {
      const ids = rows.filter((r) => fields.some((f) => r[f.key] === name) || String(r.id) === name).map((r) => r.id as number);
      out.set(name, [...new Set(ids)]);
    }
    return out;
  }

  private static bare(name: string): string {
    return name.replace(/^(本县|全县|县|区)/, '');
  }

  /** Looks up, in one statement per thousand, the names (and their bare forms) not known yet. */
  async prefetch(names: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    for (const name of names) {
      for (const n of [name, ReferenceResolver.bare(name)]) if (n && !this.cache.has(n) && !this.misses.has(n)) wanted.add(n);
    }
    const list = [...wanted];
    for (let i = 0; i < list.length; i += NAMES_PER_LOOKUP) {
      for (const [name, ids] of await this.find(list.slice(i, i + NAMES_PER_LOOKUP))) {
        if (ids.length) this.cache.set(name, ids);
        else this.misses.add(name);
      }
    }
  }

  /** The import wrote records: a name missed before may now answer (a later line naming an earlier one). */
  written(): void {
    this.misses.clear();
  }

  private async one(name: string): Promise<number[]> {
    if (this.cache.has(name)) return this.cache.get(name)!;
    if (this.misses.has(name)) return [];
    const ids = (await this.find([name])).get(name)!;
    if (ids.length) this.cache.set(name, ids);
    else this.misses.add(name);
    return ids;
  }

  async resolve(name: string): Promise<number[]> {
    const ids = await this.one(name);
    const bare = ReferenceResolver.bare(name);
    if (!ids.length && bare !== name && bare) return this.one(bare);
    return ids;
  }
}

/** Stored and imported values compared as a person would: a date is its day, a list its members. */
function same(field: FieldModel, stored: unknown, given: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v instanceof Date ? v.toISOString() : v);
  if (field.kind === 'enumList' || field.kind === 'stringList') return JSON.stringify(stored ?? []) === JSON.stringify(given ?? []);
  if (field.kind === 'float' || field.kind === 'int') return stored === null || given === null ? stored === given : Number(stored) === Number(given);
  return JSON.stringify(norm(stored)) === JSON.stringify(norm(given));
}

export async function importLines(db: Db, records: Records, model: ResourceModel, lines: Line[], options: ImportOptions): Promise<JobOutcome> {
  const errors: RowProblem[] = [];
  const notices: RowProblem[] = [];
  const outcome: JobOutcome = { rowsTotal: 0, rowsDone: 0, created: 0, updated: 0, unchanged: 0, errors, notices };
  const headerAt = findHeader(model, lines);
  if (headerAt < 0) {
    const expected = sheetColumns(model).filter((c) => c.field.required).map((c) => c.label);
    errors.push(
      problem(1, '', 'noHeader', `前 ${HEADER_SEARCH_LINES} 行中找不到表头（应含${expected.map((l) => l.zh).join('、')}等列）`, `No header line in the first ${HEADER_SEARCH_LINES} lines (expected columns such as ${expected.map((l) => l.en).join(', ')})`),
    );
    return outcome;
  }
  const header = lines[headerAt];
  const mapped = mapHeader(model, header, notices);
  const hints = model.definition.spreadsheet ?? {};
  const byField = new Map<string, Mapped[]>();
  for (const m of mapped) byField.set(m.column.field.key, [...(byField.get(m.column.field.key) ?? []), m]);
  const service = records.named(model.name)!.service;

  // Fixed values (request parameters) parsed once, like cells.
  const fixed = new Map<string, unknown>();
  for (const [key, value] of Object.entries(options.fixed ?? {})) {
    const field = model.byKey.get(key);
    if (!field?.writable) continue;
    const parsed = field.kind === 'reference' ? { value } : fromCell(field, value);
    if ('problem' in parsed) errors.push(problem(1, field.label.zh, parsed.problem.code, parsed.problem.zh, parsed.problem.en));
    else fixed.set(key, parsed.value);
  }

  // A required field with no column, no fixed value and no way to infer it fails every row: say so once.
  for (const field of model.fields) {
    if (!field.required || byField.has(field.key) || fixed.has(field.key) || hints.groupRows === field.key || hints.infer?.field === field.key) continue;
    errors.push(problem(header.number, field.label.zh, 'missingColumn', `缺少必填列“${field.label.zh}”`, `The required column "${field.label.en}" is missing`));
  }
  if (errors.length) return outcome;

  const body = lines.slice(headerAt + 1).filter((l) => l.cells.some((c) => text(c) !== ''));
  outcome.rowsTotal = body.length;
  const keyFields = (hints.key ?? model.uniqueGroups.find((g) => g.every((k) => byField.has(k) || fixed.has(k))) ?? []).map((k) => model.byKey.get(k)!);
  const seenKeys = new Map<string, number>();
  const idField = byField.get('id')?.[0];

  try {
    await db.transaction(async (tx) => {
      const resolvers = new Map<FieldModel, ReferenceResolver>();
      const resolverOf = (field: FieldModel) => {
        if (!resolvers.has(field)) resolvers.set(field, new ReferenceResolver(tx, referenced(records.models, field)));
        return resolvers.get(field)!;
      };
      const resolveReference = async (line: number, field: FieldModel, heading: string, name: string): Promise<number | null> => {
        const ids = await resolverOf(field).resolve(name);
        const target = referenced(records.models, field);
        if (ids.length === 1) return ids[0];
        if (ids.length > 1) {
          errors.push(problem(line, heading, 'ambiguous', `“${name}”可指多个${target.label.zh}，请写全称或代码`, `"${name}" names several ${target.label.en} records; give the full name or the code`));
        } else {
          errors.push(problem(line, heading, 'unknownReference', `找不到${target.label.zh}“${name}”`, `No ${target.label.en} named "${name}"`));
        }
        return null;
      };
      for (const [key, value] of fixed) {
        const field = model.byKey.get(key)!;
        if (field.kind === 'reference') fixed.set(key, await resolveReference(header.number, field, field.label.zh, String(value)));
      }

      /** A line read into the values of a write, waiting to be written with the others of its batch. */
      interface Parsed {
        line: Line;
        input: Record<string, unknown>;
        id: number | null;
        keyText: string;
      }
      const referenceColumns = [...byField].filter(([key]) => model.byKey.get(key)!.kind === 'reference');

      /** The names a batch of lines gives references, looked up together before the lines are read. */
      const prefetchNames = async (batch: Line[]) => {
        const names = new Map<FieldModel, Set<string>>();
        const add = (field: FieldModel, name: string) => {
          if (!names.has(field)) names.set(field, new Set());
          names.get(field)!.add(name);
        };
        for (const line of batch) {
          const filled = line.cells.map(text).filter(Boolean);
          const groupMatch = hints.groupRows && filled.length === 1 ? GROUP_ROW.exec(filled[0]) : null;
          if (groupMatch && hints.groupRows) {
            add(model.byKey.get(hints.groupRows)!, groupMatch[1]);
            continue;
          }
          for (const [key, columns] of referenceColumns) {
            for (const c of columns) if (text(line.cells[c.index] ?? null)) add(model.byKey.get(key)!, text(line.cells[c.index] ?? null));
          }
        }
        for (const [field, set] of names) await resolverOf(field).prefetch(set);
      };

      /** Reports a write's refusal on its line: each field error under its column's heading. */
      const refused = (line: Line, e: GraphQLError) => {
        const fieldErrors = (e.extensions.fieldErrors as { field: string; rule: string; zh: string; en: string }[] | undefined) ?? [];
        const messages = e.extensions.messages as { zh: string; en: string } | undefined;
        if (!fieldErrors.length) {
          errors.push(problem(line.number, '', String(e.extensions.code ?? 'refused'), messages?.zh ?? e.message, messages?.en ?? e.message));
        }
        for (const fe of fieldErrors) {
          const field = model.byKey.get(fe.field);
          const heading = byField.get(fe.field)?.[0].heading ?? field?.label.zh ?? fe.field;
          errors.push(problem(line.number, heading, fe.rule, fe.zh, fe.en));
        }
      };

      /** One line's cells as a write's values; undefined when the line has problems (reported) or names its group. */
      let group: number | null = null;
      const parse = async (line: Line): Promise<Parsed | undefined> => {
        const filled = line.cells.map(text).filter(Boolean);
        const groupMatch = hints.groupRows && filled.length === 1 ? GROUP_ROW.exec(filled[0]) : null;
        if (groupMatch && hints.groupRows) {
          const field = model.byKey.get(hints.groupRows)!;
          group = await resolveReference(line.number, field, field.label.zh, groupMatch[1]);
          return undefined;
        }
        const before = errors.length;
        const input: Record<string, unknown> = {};
        let id: number | null = null;
        for (const [key, columns] of byField) {
          const field = model.byKey.get(key)!;
          // Several columns for one text (划转范围 and 备注 both describe the item): kept together, each under its heading.
          const present = columns.map((c) => ({ c, cell: line.cells[c.index] ?? null })).filter(({ cell }) => text(cell) !== '');
          const { c: first, cell } = present[0] ?? { c: columns[0], cell: null };
          const raw: Cell | Date = field.kind === 'string' && present.length > 1 ? present.map(({ c, cell: v }) => `${c.heading}：${text(v)}`).join('\n') : cell;
          if (field.kind === 'id') {
            if (text(raw)) id = Number(text(raw));
            continue;
          }
          if (field.kind === 'reference') {
            input[key] = text(raw) ? await resolveReference(line.number, field, first.heading, text(raw)) : null;
            continue;
          }
          const parsed = fromCell(field, raw);
          if ('problem' in parsed) errors.push(problem(line.number, first.heading, parsed.problem.code, parsed.problem.zh, parsed.problem.en));
          else input[key] = parsed.value;
        }
        for (const [key, value] of fixed) if (input[key] === null || input[key] === undefined) input[key] = value;
        if (hints.groupRows && (input[hints.groupRows] === null || input[hints.groupRows] === undefined) && group !== null) input[hints.groupRows] = group;
        const infer = hints.infer;
        const inferable = infer && !errors.slice(before).some((e) => byField.get(infer.field)?.some((m) => m.heading === e.column));
        if (infer && inferable && (input[infer.field] === null || input[infer.field] === undefined) && typeof input[infer.from] === 'string') {
          const hit = infer.rules.find(([pattern]) => pattern.test(input[infer.from] as string));
          if (hit) {
            const field = model.byKey.get(infer.field)!;
            const label = field.enumDef?.values[hit[1]] ?? { zh: hit[1], en: hit[1] };
            input[infer.field] = hit[1];
            notices.push(
              problem(line.number, field.label.zh, 'inferred', `${field.label.zh}未填，按${model.byKey.get(infer.from)!.label.zh}推定为“${label.zh}”`, `${field.label.en} was empty; taken as "${label.en}" from the ${model.byKey.get(infer.from)!.label.en.toLowerCase()}`),
            );
          }
        }
        // A key the file gives twice is reported even when the line has other problems too.
        const keyText = id !== null ? `#${id}` : keyFields.length && keyFields.every((f) => input[f.key] != null) ? JSON.stringify(keyFields.map((f) => input[f.key])) : '';
        if (keyText) {
          const earlier = seenKeys.get(keyText);
          if (earlier !== undefined) {
            const last = keyFields[keyFields.length - 1] ?? model.byKey.get('id')!;
            const heading = byField.get(last.key)?.[0].heading ?? last.label.zh;
            errors.push(problem(line.number, heading, 'duplicate', `与第 ${earlier} 行重复（${keyFields.map((f) => f.label.zh).join('、') || '编号'}相同）`, `Repeats line ${earlier} (same ${keyFields.map((f) => f.label.en).join(', ') || 'id'})`));
            return undefined;
          }
          seenKeys.set(keyText, line.number);
        }
        return errors.length > before ? undefined : { line, input, id, keyText };
      };

      /** The stored records the lines are (by id when the file has one, an export; else by key), one statement each way. */
      const storedOf = async (parsed: Parsed[]): Promise<Map<Parsed, Row>> => {
        const out = new Map<Parsed, Row>();
        const byId = parsed.filter((p) => p.id !== null);
        const byKey = parsed.filter((p) => p.id === null && p.keyText);
        const ids = new Set(byId.map((p) => p.id!));
        if (byKey.length) {
          const found = await rowsWithKeys(tx, model, keyFields, byKey.map((p) => keyFields.map((f) => p.input[f.key])));
          const idOfKey = new Map(found.map((r) => [JSON.stringify(keyFields.map((f) => r[f.key])), r.id as number]));
          for (const p of byKey) {
            const id = idOfKey.get(p.keyText);
            if (id !== undefined) ids.add(id);
          }
          const rows = new Map((await service.getMany(tx, [...ids])).map((r) => [r.id, r]));
          for (const p of byKey) {
            const row = rows.get(idOfKey.get(p.keyText)!);
            if (row) out.set(p, row);
          }
          for (const p of byId) if (rows.has(p.id!)) out.set(p, rows.get(p.id!)!);
          return out;
        }
        const rows = new Map((await service.getMany(tx, [...ids])).map((r) => [r.id, r]));
        for (const p of byId) if (rows.has(p.id!)) out.set(p, rows.get(p.id!)!);
        return out;
      };

      const wrote = () => {
        for (const r of resolvers.values()) r.written();
      };

      /** New records, in file order, written together (each under its record's rules, authorization and audit). */
      let creating: Parsed[] = [];
      const create = async () => {
        if (!creating.length) return;
        const answers = await service.createMany(
          tx,
          creating.map((p) => p.input),
          creating.map((p) => ({ zh: `第 ${p.line.number} 行`, en: `line ${p.line.number}` })),
        );
        answers.forEach((answer, i) => {
          if (answer.refused) refused(creating[i].line, answer.refused);
          else outcome.created++;
        });
        creating = [];
        wrote();
      };

      /**
       * The line that first reached each stored record. A batch's records are looked up before its
       * lines are written, so a second line reaching the same record (by id and by a key an earlier
       * line changes) would be compared with the record as it was: it is refused instead.
       */
      const reachedBy = new Map<number, number>();

      /** Writes the lines read so far: changed records updated, new ones created, in the order of the file. */
      const write = async (parsed: Parsed[]) => {
        if (!parsed.length) return;
        const stored = await storedOf(parsed);
        for (const p of parsed) {
          const existing = stored.get(p);
          if (p.id !== null && !existing) {
            errors.push(problem(p.line.number, idField!.heading, 'unknownId', `${model.label.zh}（编号 ${p.id}）不存在`, `No ${model.label.en} with id ${p.id}`));
            continue;
          }
          if (!existing) {
            creating.push(p);
            continue;
          }
          const earlier = reachedBy.get(existing.id as number);
          if (earlier !== undefined) {
            const last = keyFields[keyFields.length - 1];
            const heading = p.id !== null || !last ? idField!.heading : (byField.get(last.key)?.[0].heading ?? last.label.zh);
            errors.push(problem(p.line.number, heading, 'duplicate', `与第 ${earlier} 行指向同一条${model.label.zh}`, `Reaches the same ${model.label.en} as line ${earlier}`));
            continue;
          }
          reachedBy.set(existing.id as number, p.line.number);
          const changed = Object.fromEntries(Object.entries(p.input).filter(([k]) => !same(model.byKey.get(k)!, existing[k], p.input[k])));
          if (!Object.keys(changed).length) {
            outcome.unchanged++;
            continue;
          }
          await create();
          try {
            // A savepoint: a line the database refuses leaves the others' work standing.
            await tx.transaction((row) => service.update(row, existing.id, changed));
            outcome.updated++;
            wrote();
          } catch (e) {
            if (!(e instanceof GraphQLError)) throw e;
            refused(p.line, e);
          }
        }
        await create();
      };

      for (let start = 0; start < body.length; start += BATCH_LINES) {
        const batch = body.slice(start, start + BATCH_LINES);
        await prefetchNames(batch);
        let parsed: Parsed[] = [];
        for (const line of batch) {
          const errorsBefore = errors.length;
          const noticesBefore = notices.length;
          let read = await parse(line);
          // A line may name a record of the same type an earlier line of the batch creates (a main
          // item and its sub-items): the lines before it are written and the line read again.
          const missedOwn = errors.slice(errorsBefore).some((e) => e.code === 'unknownReference' && referenceColumns.some(([key, cs]) => referenced(records.models, model.byKey.get(key)!) === model && cs.some((c) => c.heading === e.column)));
          if (missedOwn && parsed.length) {
            errors.length = errorsBefore;
            notices.length = noticesBefore;
            for (const [key, at] of seenKeys) if (at === line.number) seenKeys.delete(key);
            await write(parsed);
            parsed = [];
            read = await parse(line);
          }
          if (read) parsed.push(read);
        }
        await write(parsed);
        outcome.rowsDone = start + batch.length;
        await options.progress?.(outcome.rowsDone, outcome.rowsTotal);
        // Lets the server answer what came in meanwhile (on the embedded database, what needs no query).
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Each line's problems together, in the order of the file.
      errors.sort((a, b) => a.row - b.row);
      await options.progress?.(outcome.rowsDone, outcome.rowsTotal);
      if (options.dryRun || errors.length) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return outcome;
}
