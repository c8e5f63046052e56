import { derive, rowIndependent, type WriteContext, type WriteRule } from '../crud/resource';

/** A mainland mobile number: 11 digits starting 13–19 (an optional +86 is dropped before checking). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;
/** A landline with its area code (0377-65221234, 037765221234), optionally an extension (-8001). */
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

function compact(value: string): string {
  return value.replace(/[\s()（）]/g, '').replace(/^\+?86-?/, '');
}

/** Checks a phone field against the allowed forms; stores it in compact form. Reads no record. */
export function phoneRule(field: string, label: { zh: string; en: string }, forms: ('mobile' | 'landline')[]): WriteRule {
  return rowIndependent(async (ctx: WriteContext): Promise<void> => {
    const raw = ctx.after[field];
    if (typeof raw !== 'string' || ctx.errors.has(field)) return;
    const value = compact(raw);
    const ok = (forms.includes('mobile') && MOBILE_RE.test(value)) || (forms.includes('landline') && LANDLINE_RE.test(value));
    if (!ok) {
      const zhForms = forms.map((f) => (f === 'mobile' ? '11 位手机号（如 13812345678）' : '带区号的固定电话（如 0377-65221234）'));
      const enForms = forms.map((f) => (f === 'mobile' ? 'an 11-digit mobile number (13812345678)' : 'a landline with area code (0377-65221234)'));
      ctx.errors.add(field, 'phone', `${label.zh}应为${zhForms.join('或')}`, `${label.en} must be ${enForms.join(' or ')}`);
      return;
    }
    if (value !== raw) derive(ctx, field, value);
  });
}
