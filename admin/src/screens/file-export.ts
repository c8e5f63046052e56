import { useState } from 'react';
import { useNotify } from 'react-admin';
import { authHeaders } from '../data-provider';

/**
 * Downloads one of the server's file exports (GET /export/…). The request carries the sign-in like
 * every other, so the file is fetched and handed to the browser rather than opened as a link; its
 * name is the server's (`filename*`), refusals are shown as notices.
 */
export function useFileExport() {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async (path: string, fallbackName: string) => {
    setBusy(true);
    try {
      const res = await fetch(path, { headers: authHeaders() });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
        throw new Error(body?.errors?.[0]?.message ?? res.statusText);
      }
      const disposition = res.headers.get('content-disposition') ?? '';
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? fallbackName);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { download, busy };
}
