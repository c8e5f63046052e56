import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { enumDefinitions, postings, staffMembers } from '../../../drizzle/schema';
import type { Label } from '../../../drizzle/schema/columns';
import type { Tx } from '../../db';
import { batchChecked, rowIndependent, type WriteContext, type WriteRule } from '../../crud/resource';
import { completedGeneralLaw, holdsValidCertificate } from '../staff-member/staff-conditions';

// The rules of a posting, each with its form for the rows of a batch (an import's), so that a file
// of postings is checked in a few statements however long it is, and refused on the same lines as a
// single create of each line in turn would refuse.

/** Posts auxiliary staff may not hold. */
export const RESERVED_POSTS = new Set(['ENFORCEMENT', 'LEGAL_REVIEW', 'LEADERSHIP']);
const postLabels = enumDefinitions.get('post_kind')!.values;

/** Statements of a batch's look-ups carry at most this many people or (person, day) pairs each. */
const CHUNK = 1000;

const changed = ({ before, after }: WriteContext, keys: string[]) => !before || keys.some((k) => before[k] !== after[k]);

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

interface Span {
  startedOn: string;
  endedOn: string | null;
}

const OPEN_END = '9999-12-31';
const spanOf = (ctx: WriteContext): Span => ({ startedOn: ctx.after.startedOn as string, endedOn: (ctx.after.endedOn as string | null) ?? null });
const overlap = (a: Span, b: Span) => a.startedOn <= (b.endedOn ?? OPEN_END) && b.startedOn <= (a.endedOn ?? OPEN_END);
const shown = (s: Span) => `${s.startedOn} – ${s.endedOn ?? '至今 / now'}`;

/** Whether the one-post rule has anything to judge in this write. */
function periodAsked(ctx: WriteContext): boolean {
  const { errors } = ctx;
  if (errors.has('startedOn') || errors.has('endedOn') || errors.has('staffMemberId')) return false;
  return changed(ctx, ['staffMemberId', 'startedOn', 'endedOn']);
}

/** `other` is a stored posting (its id) or an earlier row of the same batch (how messages name it). */
function refuseOverlap(ctx: WriteContext, other: Span & ({ id: number } | { origin: Label })) {
  const span = shown(other);
  const which = 'id' in other ? { zh: `编号 ${other.id}，${span}`, en: `posting ${other.id} (${span})` } : { zh: `${other.origin.zh}，${span}`, en: `a posting (${other.origin.en}, ${span})` };
  ctx.errors.add(
    'startedOn',
    'overlap',
    `此人同一时期已有任职（${which.zh}），一人同一时间只能有一个岗位`,
    `The person already holds ${which.en} in this period; a person has one post at a time`,
  );
}

/**
 * Holds the people a write posts until it commits, so that writes about one person at once (two
 * postings from two forms or imports, a posting and a transfer or a change of the person's category,
 * which hold the person too) are judged one after the other: the later one's look-up, a statement
 * run once the earlier has committed, sees what it wrote. Unheld, both would read the person and
 * their periods as they stood before either, and both be stored. The lock leaves the references to
 * the person free (another record naming them is not held up), and is taken in the order of the ids;
 * a batch holds all its people at once, in its first rule that reads them. (Two imports at once, or
 * an import and a clerk, can still meet across an import's batches in opposite orders: PostgreSQL
 * then refuses one of them, which is told to try again.)
 */
const heldBy = new WeakMap<Tx, Set<number>>();

async function holdPeople(tx: Tx, people: number[]): Promise<void> {
  // Both rules of a posting hold its person; the second finds them held already (no statement).
  const held = heldBy.get(tx) ?? new Set<number>();
  heldBy.set(tx, held);
  const fresh = [...new Set(people)].filter((id) => !held.has(id));
  for (const id of fresh) held.add(id);
  for (const ids of chunks(fresh.sort((a, b) => a - b))) {
    await tx.select({ id: staffMembers.id }).from(staffMembers).where(inArray(staffMembers.id, ids)).orderBy(asc(staffMembers.id)).for('no key update');
  }
}

/**
 * One person, one post at a time: periods may not overlap, and so at most one is open. A batch is
 * checked in one statement (the stored postings of all its people) and against its own rows: a row
 * overlapping an earlier row of the batch that will be stored is refused as the second of two single
 * creates would be. Either way the people are held first (`holdPeople`).
 */
export const onePostAtATime: WriteRule = batchChecked(
  async (ctx) => {
    if (!periodAsked(ctx)) return;
    const { tx, before, after } = ctx;
    const mine = spanOf(ctx);
    await holdPeople(tx, [after.staffMemberId as number]);
    const [other] = await tx
      .select({ id: postings.id, startedOn: postings.startedOn, endedOn: postings.endedOn })
      .from(postings)
      .where(
        and(
          eq(postings.staffMemberId, after.staffMemberId as number),
          before ? ne(postings.id, before.id) : undefined,
          lte(postings.startedOn, mine.endedOn ?? OPEN_END),
          or(isNull(postings.endedOn), gte(postings.endedOn, mine.startedOn)),
        ),
      )
      .orderBy(asc(postings.startedOn), asc(postings.id))
      .limit(1);
    if (other) refuseOverlap(ctx, other);
  },
  async (ctxs) => {
    const asking = ctxs.filter(periodAsked);
    if (!asking.length) return;
    const tx = asking[0].tx;
    const spans = asking.map(spanOf);
    // Dates as text (YYYY-MM-DD) sort as the days do.
    const from = spans.map((s) => s.startedOn).sort()[0];
    const to = spans.map((s) => s.endedOn ?? OPEN_END).sort().at(-1)!;
    const stored = new Map<number, (Span & { id: number })[]>();
    await holdPeople(tx, asking.map((ctx) => ctx.after.staffMemberId as number));
    for (const people of chunks([...new Set(asking.map((ctx) => ctx.after.staffMemberId as number))])) {
      const rows = await tx
        .select({ id: postings.id, staffMemberId: postings.staffMemberId, startedOn: postings.startedOn, endedOn: postings.endedOn })
        .from(postings)
        .where(and(inArray(postings.staffMemberId, people), lte(postings.startedOn, to), or(isNull(postings.endedOn), gte(postings.endedOn, from))))
        .orderBy(asc(postings.startedOn), asc(postings.id));
      for (const row of rows) {
        if (!stored.has(row.staffMemberId)) stored.set(row.staffMemberId, []);
        stored.get(row.staffMemberId)!.push(row);
      }
    }
    // The rows of the batch that will be stored, by person, in the order of the batch.
    const earlier = new Map<number, (Span & { origin: Label })[]>();
    asking.forEach((ctx, i) => {
      const person = ctx.after.staffMemberId as number;
      const mine = spans[i];
      const clashes = [...(stored.get(person) ?? []), ...(earlier.get(person) ?? [])].filter((other) => overlap(mine, other));
      // The one a single create's statement would answer first: the earliest.
      const first = clashes.reduce<(typeof clashes)[number] | undefined>((a, b) => (a === undefined || b.startedOn < a.startedOn ? b : a), undefined);
      if (first) refuseOverlap(ctx, first);
      if (ctx.errors.has()) return;
      if (!earlier.has(person)) earlier.set(person, []);
      earlier.get(person)!.push({ ...mine, origin: ctx.origin ?? { zh: `同批第 ${ctxs.indexOf(ctx) + 1} 条`, en: `number ${ctxs.indexOf(ctx) + 1} of the same batch` } });
    });
  },
);

interface Person {
  category: string;
  name: string;
  certified: boolean;
  trained: boolean;
}

/** Whether the reserved-post rule has anything to judge in this write. */
function reservedAsked(ctx: WriteContext): boolean {
  const { errors } = ctx;
  if (!RESERVED_POSTS.has(ctx.after.post as string) || errors.has('post') || errors.has('staffMemberId') || errors.has('startedOn')) return false;
  return changed(ctx, ['post', 'staffMemberId', 'startedOn']);
}

function judgeReserved(ctx: WriteContext, person: Person | undefined): void {
  if (!person) return;
  const { errors } = ctx;
  const post = ctx.after.post as string;
  const day = ctx.after.startedOn as string;
  const label = postLabels[post];
  if (person.category === 'AUXILIARY') {
    errors.add('post', 'category', `${person.name}是协勤/辅助人员，不能担任${label.zh}`, `${person.name} is auxiliary staff and cannot hold a ${label.en.toLowerCase()} post`);
  } else if (post === 'ENFORCEMENT' && !person.certified) {
    errors.add(
      'post',
      'certificate',
      `${person.name}在 ${day} 没有有效的执法证，不能担任执法岗`,
      `${person.name} holds no valid enforcement certificate on ${day} and cannot take an enforcement post`,
    );
  } else if (post === 'ENFORCEMENT' && !person.trained) {
    errors.add(
      'post',
      'generalLaw',
      `${person.name}在 ${day} 前没有通过公共法律知识培训（未取得结业证），不能担任执法岗（《镇平县行政执法改革与管理专项整治工作实施方案》：将持有行政执法证和公共法律知识培训结业证作为执法的前置条件）`,
      `${person.name} has not passed the general-law training (公共法律知识培训结业证) by ${day} and cannot take an enforcement post (《镇平县行政执法改革与管理专项整治工作实施方案》: the certificate and the general-law completion are both required to enforce)`,
    );
  }
}

/**
 * No certificate or no general-law completion, no enforcement (《武清区关于进一步深化街镇综合执法改革的指导意见》,
 * 《镇平县行政执法改革与管理专项整治工作实施方案》). Auxiliary staff only assist: they do not
 * investigate, decide or review cases (不能从事案件调查取证、作出行政处理决定、审核案件), so they
 * hold no enforcement, legal-review or squad-leader post. It reads people, certificates and
 * training, no posting: a batch's rows are judged together, the person and both gates of every
 * (person, first day) of the batch in one statement.
 */
export const reservedPosts: WriteRule = rowIndependent(
  async (ctx) => {
    if (!reservedAsked(ctx)) return;
    const day = ctx.after.startedOn as string;
    await holdPeople(ctx.tx, [ctx.after.staffMemberId as number]);
    const [person] = await ctx.tx
      .select({
        category: staffMembers.category,
        name: staffMembers.name,
        certified: holdsValidCertificate(staffMembers.id, day).mapWith(Boolean),
        trained: completedGeneralLaw(staffMembers.id, day).mapWith(Boolean),
      })
      .from(staffMembers)
      .where(eq(staffMembers.id, ctx.after.staffMemberId as number));
    judgeReserved(ctx, person);
  },
  async (ctxs) => {
    if (!ctxs.length) return;
    // Every person of the batch, those the one-post rule will read after this one too.
    await holdPeople(
      ctxs[0].tx,
      ctxs.map((ctx) => ctx.after.staffMemberId).filter((id): id is number => Number.isInteger(id)),
    );
    const asking = ctxs.filter(reservedAsked);
    if (!asking.length) return;
    const keyOf = (id: unknown, day: unknown) => `${id}:${day}`;
    const pairs = new Map(asking.map((ctx) => [keyOf(ctx.after.staffMemberId, ctx.after.startedOn), [ctx.after.staffMemberId as number, ctx.after.startedOn as string] as const]));
    const people = new Map<string, Person>();
    for (const part of chunks([...pairs.values()])) {
      const asked = sql`(values ${sql.join(
        part.map(([id, day]) => sql`(${id}::integer, ${day}::date)`),
        sql`, `,
      )}) as asked (staff_member_id, day)`;
      const result = await asking[0].tx.execute(sql`select asked.staff_member_id as "id", asked.day::text as "day",
        ${staffMembers.category} as "category", ${staffMembers.name} as "name",
        ${holdsValidCertificate(sql`asked.staff_member_id`, sql`asked.day`)} as "certified",
        ${completedGeneralLaw(sql`asked.staff_member_id`, sql`asked.day`)} as "trained"
        from ${asked} join ${staffMembers} on ${staffMembers.id} = asked.staff_member_id`);
      for (const row of (result as unknown as { rows: (Person & { id: number; day: string })[] }).rows) {
        people.set(keyOf(row.id, row.day), { category: row.category, name: row.name, certified: Boolean(row.certified), trained: Boolean(row.trained) });
      }
    }
    for (const ctx of asking) judgeReserved(ctx, people.get(keyOf(ctx.after.staffMemberId, ctx.after.startedOn)));
  },
);
