import type { Label } from '../../drizzle/schema/columns';
import type { FieldModel } from '../crud/model';
import { isLocalDate } from '../crud/scalars';
import { localDateTime } from '../dates';
import type { Lang } from './columns';

// One value as a cell reads, and back: enum values by their labels, dates as the calendar day,
// booleans as 是/否, several values separated by semicolons (the Chinese labels themselves hold 、).

export type Cell = string | number | boolean | null;

const YES: Label = { zh: '是', en: 'Yes' };
const NO: Label = { zh: '否', en: 'No' };
const LIST_SEPARATOR: Label = { zh: '；', en: '; ' };

/** A stored value as a cell of the export (references are named by the caller). */
export function toCell(field: FieldModel, value: unknown, lang: Lang): Cell {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'enum':
      return field.enumDef!.values[String(value)]?.[lang] ?? String(value);
    case 'enumList':
      return (value as unknown[]).map((v) => field.enumDef!.values[String(v)]?.[lang] ?? String(v)).join(LIST_SEPARATOR[lang]);
    case 'stringList':
      return (value as unknown[]).map(String).join(LIST_SEPARATOR[lang]);
    case 'boolean':
      return (value ? YES : NO)[lang];
    case 'datetime':
      return localDateTime(value as Date);
    case 'int':
    case 'float':
    case 'ratio':
    case 'id':
      return Number(value);
    default:
      return String(value);
  }
}

/** What exceljs hands back for a cell (rich text, a formula's result, a hyperlink …) as a plain value. */
export function plainCell(value: unknown): Cell | Date {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return null;
  }
  return String(value);
}

/** A problem with one cell, the field's label already in it. */
export interface CellProblem {
  code: string;
  zh: string;
  en: string;
}

export type Parsed = { value: unknown } | { problem: CellProblem };

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, or a spreadsheet date; null when it is none of them. */
export function parseDay(raw: Cell | Date): string | null {
  if (raw instanceof Date) {
    // Spreadsheet dates carry no zone; exceljs reads them as midnight UTC.
    return `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`;
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(raw).trim());
  if (!m) return null;
  const day = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isLocalDate(day) ? day : null;
}

function enumValue(field: FieldModel, text: string): string | undefined {
  const values = field.enumDef!.values;
  const wanted = text.trim().toLowerCase();
  for (const [code, label] of Object.entries(values)) {
    if (code.toLowerCase() === wanted || label.zh.toLowerCase() === wanted || label.en.toLowerCase() === wanted) return code;
  }
  return undefined;
}

function badEnum(field: FieldModel, text: string): CellProblem {
  const choices = Object.values(field.enumDef!.values);
  return {
    code: 'enum',
    zh: `${field.label.zh}“${text}”不是可选的值（可选：${choices.map((c) => c.zh).join('、')}）`,
    en: `${field.label.en} "${text}" is not one of the values (${choices.map((c) => c.en).join(' / ')})`,
  };
}

/**
 * A cell as the value a write takes, references excepted (the importer resolves those by name).
 * An empty cell is null: the field is cleared, or reported missing if required.
 */
export function fromCell(field: FieldModel, raw: Cell | Date): Parsed {
  const text = raw === null ? '' : raw instanceof Date ? '' : String(raw).trim();
  if (raw === null || (!(raw instanceof Date) && text === '')) return { value: field.kind === 'enumList' || field.kind === 'stringList' ? [] : null };
  const { zh, en } = field.label;
  switch (field.kind) {
    case 'string':
      return { value: raw instanceof Date ? parseDay(raw) : text };
    case 'int':
    case 'float': {
      const n = typeof raw === 'number' ? raw : Number(text.replace(/,/g, ''));
      if (!Number.isFinite(n) || (field.kind === 'int' && !Number.isInteger(n))) {
        return { problem: { code: 'type', zh: `${zh}应为${field.kind === 'int' ? '整数' : '数字'}，而不是“${text}”`, en: `${en} must be a ${field.kind === 'int' ? 'whole number' : 'number'}, not "${text}"` } };
      }
      return { value: n };
    }
    case 'boolean': {
      const t = typeof raw === 'boolean' ? String(raw) : text.toLowerCase();
      if (['是', 'true', 'yes', 'y', '1', '√'].includes(t)) return { value: true };
      if (['否', 'false', 'no', 'n', '0', '×'].includes(t)) return { value: false };
      return { problem: { code: 'type', zh: `${zh}应为“是”或“否”，而不是“${text}”`, en: `${en} must be Yes or No, not "${text}"` } };
    }
    case 'date': {
      const day = parseDay(raw);
      if (!day) return { problem: { code: 'date', zh: `${zh}“${text}”不是有效日期（如 2024-03-01）`, en: `${en} "${text}" is not a valid date (e.g. 2024-03-01)` } };
      return { value: day };
    }
    case 'enum': {
      const code = enumValue(field, text);
      return code ? { value: code } : { problem: badEnum(field, text) };
    }
    case 'enumList': {
      const parts = text.split(/[;；\n]/).map((p) => p.trim()).filter(Boolean);
      const codes: string[] = [];
      for (const part of parts) {
        const code = enumValue(field, part);
        if (!code) return { problem: badEnum(field, part) };
        if (!codes.includes(code)) codes.push(code);
      }
      return { value: codes };
    }
    case 'stringList':
      return { value: [...new Set(text.split(/[;；\n]/).map((p) => p.trim()).filter(Boolean))] };
    default:
      return { value: text };
  }
}
