import type { Response } from 'express';

/** The media types of the spreadsheet files the API reads and writes. */
export const SPREADSHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/**
 * Marks a response as a spreadsheet file to save: its type, and its name twice, an ASCII one for
 * old clients and `filename*` so a Chinese name survives every browser.
 */
export function asDownload(res: Response, format: keyof typeof SPREADSHEET_TYPES, name: string, asciiName = `export.${format}`): void {
  res.setHeader('Content-Type', SPREADSHEET_TYPES[format]);
  res.setHeader('Content-Disposition', disposition(name, asciiName));
}

/** `Content-Disposition` of a file to save under `name` (any file: a spreadsheet, an attachment). */
export function disposition(name: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
