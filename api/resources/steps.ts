import type { Label } from '../../drizzle/schema/columns';
import { today } from '../dates';
import { conflict, type FieldErrors } from '../errors';
import type { Row } from '../crud/resource';

// What the records that move through dated steps share (a case referral at its receiving unit, a
// department answering a street's call): a step applies to one state only, happens on a day or at a
// moment that is neither in the future nor before the step it follows, and may carry a short text.

/** A `claim` state check: the step applies to records in `expected` only (CONFLICT STATE otherwise). */
export function inState(values: Record<string, Label>, expected: string, noun: Label) {
  return (record: Row) => {
    if (record.status === expected) return undefined;
    const now = values[record.status as string];
    return conflict('STATE', {
      zh: `该${noun.zh}当前为“${now.zh}”，此操作只适用于“${values[expected].zh}”的${noun.zh}`,
      en: `This ${noun.en} is ${now.en.toLowerCase()}; the step applies to a ${values[expected].en.toLowerCase()} one`,
    });
  };
}

/** The day of a step: given or today; not in the future and not before the step it follows. */
export function stepDay(errors: FieldErrors, field: string, day: string | null | undefined, after: string, afterLabel: Label): string {
  const on = day ?? today();
  if (on > today()) errors.add(field, 'future', '日期不能晚于今天', 'The day cannot be in the future');
  else if (on < after) errors.add(field, 'range', `日期不能早于${afterLabel.zh}（${after}）`, `The day cannot be before the ${afterLabel.en} (${after})`);
  return on;
}

/** The moment of a step: given or now; not in the future and not before the step it follows. */
export function stepMoment(errors: FieldErrors, field: string, at: Date | null | undefined, after: Date, afterLabel: Label): Date {
  const now = new Date();
  const when = at ?? now;
  if (when.getTime() > now.getTime()) errors.add(field, 'future', '时间不能晚于现在', 'The time cannot be in the future');
  else if (when.getTime() < after.getTime()) {
    errors.add(field, 'range', `时间不能早于${afterLabel.zh}`, `The time cannot be before the ${afterLabel.en}`);
  }
  return when;
}

/** A step's text, trimmed: required when `required` says why, at most 1000 characters. */
export function stepText(errors: FieldErrors, field: string, value: string | null | undefined, required: Label | null): string | null {
  const t = value?.trim() || null;
  if (!t && required) errors.add(field, 'required', required.zh, required.en);
  if (t && [...t].length > 1000) errors.add(field, 'maxLength', '不能超过 1000 个字', 'At most 1000 characters');
  return t;
}
