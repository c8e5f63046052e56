import { useLocaleState } from 'react-admin';

/** The user's language, as the key of a bilingual label. */
export function useLang(): 'zh' | 'en' {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en' : 'zh';
}
