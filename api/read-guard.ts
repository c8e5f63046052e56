import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Actor } from './auth/actor';
import type { Context } from './context';
import type { ResourceModel } from './crud/model';
import type { Records } from './crud/records';
import { forbidden, loginRequired, tokensReadOnly } from './errors';

// Who may read: nobody anonymously (the record holds people's names and numbers), except to sign
// in and to read the public disclosure (公示, whose own flat types carry only what is published); an
// API token only the resources in its scopes, with personal fields (names, phone numbers,
// certificate numbers) masked unless it was given the personal-data scope. Checked on every root
// field, every reference and every reverse relation (a list of records, or a count that declares
// whose records it counts), so a nested `staffMember { name }` or `staffMembers { name }` is held to
// the same rule as a list.

/** Root fields an anonymous caller may use. */
const OPEN = new Set(['login', 'loginSecondFactor', 'me', 'publicPowers']);

/**
 * Root fields that check a token's scopes themselves, against the resources the caller names (the
 * change feed: api/sync/); the records they answer with are resource types, masked as anywhere.
 */
const SELF_SCOPED = new Set(['changesSince', 'syncCursor', 'syncGeneration']);

/**
 * Root fields whose answer is not a resource type, with the resources whose data they carry; a
 * token needs all of them. Any other such root field is refused to tokens (deny by default).
 */
const ROOT_SCOPES: Record<string, string[]> = {
  trainingHours: ['StaffMember', 'TrainingAttendance'],
  trainingDays: ['StaffMember', 'TrainingAttendance'],
  streetTrainingSupport: ['Organization', 'TrainingAudience'],
  teamEquipmentAndGrids: ['Organization', 'EquipmentItem', 'PatrolGrid'],
  catalogDiff: ['DelegationCatalog', 'Delegation'],
  unconfirmedDelegations: ['Delegation'],
  caseRanking: ['CaseReport', 'Organization'],
  complaintCounts: ['Complaint'],
  dispatchAssessment: ['DispatchRequest', 'DispatchAssignment', 'Organization'],
  deadlineBoard: ['CaseReferral', 'DispatchRequest', 'DispatchAssignment', 'Organization'],
  teamStandards: ['Organization', 'StaffMember', 'Posting', 'Certificate', 'StaffingQuota', 'TrainingAttendance', 'TrainingAudience', 'EquipmentItem', 'PatrolGrid', 'LiaisonContact'],
};

/** What the checks need to know of the records, worked out once per schema. */
interface ReadRules {
  byPlural: Map<string, string>;
  resourceNames: Set<string>;
  /** `Type.field` of every personal field. */
  personal: Set<string>;
  /** Filter keys that would let a caller find a person by name or number: personal fields and, where it searches them, `q`. */
  personalFilters: Map<string, { keys: string[]; q: boolean }>;
}

function readRules(models: ResourceModel[]): ReadRules {
  return {
    byPlural: new Map(models.map((m) => [m.plural, m.name])),
    resourceNames: new Set(models.map((m) => m.name)),
    personal: new Set(models.flatMap((m) => m.fields.filter((f) => f.personal).map((f) => `${m.name}.${f.key}`))),
    personalFilters: new Map(
      models.map((m) => {
        const keys = m.fields.filter((f) => f.personal).map((f) => f.key);
        return [m.name, { keys, q: m.definition.search.some((k) => keys.includes(k)) }];
      }),
    ),
  };
}

function searchesPeople(rules: ReadRules, resource: string, args: Record<string, unknown>): boolean {
  const rule = rules.personalFilters.get(resource);
  if (!rule) return false;
  // Sorting by a masked field would still give away its order.
  if (typeof args.sortField === 'string' && rule.keys.includes(args.sortField)) return true;
  const filter = args.filter;
  if (!filter || typeof filter !== 'object') return false;
  return Object.keys(filter).some((k) => (k === 'q' && rule.q) || rule.keys.some((p) => k === p || k.startsWith(`${p}_`)));
}

/** The record whose data a field carries when its type does not say (a count): declared with it. */
function declaredResource(field: { extensions?: Record<string, unknown> | null } | undefined): string | undefined {
  const resource = field?.extensions?.resource;
  return typeof resource === 'string' ? resource : undefined;
}

function resourceOf(rules: ReadRules, info: GraphQLResolveInfo): string | undefined {
  const meta = /^_all(.+)Meta$/.exec(info.fieldName);
  if (meta && info.parentType === info.schema.getQueryType()) return rules.byPlural.get(meta[1]);
  const declared = declaredResource(info.parentType.getFields()[info.fieldName]);
  if (declared) return declared;
  const named = getNamedType(info.returnType).name;
  return rules.resourceNames.has(named) ? named : undefined;
}

/** 王小明 → 王**; 13812345678 → 138******78. */
export function mask(value: unknown): unknown {
  if (typeof value !== 'string' || !value) return value;
  const chars = [...value];
  if (/^[\d\s+-]{7,}$/.test(value)) return value.slice(0, 3) + '*'.repeat(Math.max(value.length - 5, 1)) + value.slice(-2);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** A token reads only the resources in its scopes (`needed` names them, or the field it may not use). */
function refuseUnscoped(actor: Actor, needed: string[]): void {
  const missing = needed.filter((r) => !actor.scopes?.includes(r));
  if (missing.length) throw forbidden(`此 API 令牌无权读取“${missing.join('、')}”`, `This API token may not read ${missing.join(', ')}`);
}

/** Without the personal-data scope, a token may not look people up by name or number. */
function refusePeopleSearch(rules: ReadRules, actor: Actor, resource: string, args: Record<string, unknown>): void {
  if (!actor.personalData && searchesPeople(rules, resource, args)) {
    throw forbidden('此 API 令牌无个人信息权限，不能按姓名或号码检索', 'This API token has no personal-data scope and cannot search by name or number');
  }
}

const rulesOf = new WeakMap<Records, ReadRules>();

/**
 * The same checks outside GraphQL (a spreadsheet export): may this caller list this record with
 * these arguments? Anonymous callers sign in first; an API token needs the record in its scopes and,
 * without the personal-data scope, may not look people up. Returns whether personal fields are to
 * be masked for it.
 */
export function checkListRead(records: Records, actor: Actor, resource: string, args: Record<string, unknown>): { maskPersonal: boolean } {
  if (actor.kind === 'ANONYMOUS') throw loginRequired();
  if (actor.kind !== 'TOKEN') return { maskPersonal: false };
  let rules = rulesOf.get(records);
  if (!rules) rulesOf.set(records, (rules = readRules(records.models)));
  refuseUnscoped(actor, [resource]);
  refusePeopleSearch(rules, actor, resource, args);
  return { maskPersonal: !actor.personalData };
}

/** The checks of one field, around its resolver; `next` runs the resolver. */
function guard(rules: ReadRules, context: Context, info: GraphQLResolveInfo, args: Record<string, unknown>, next: () => unknown): unknown {
  const actor = context.actor;
  if (actor?.kind === 'ANONYMOUS' && !info.path.prev && !OPEN.has(info.fieldName) && !info.fieldName.startsWith('__')) {
    throw loginRequired();
  }
  if (actor?.kind !== 'TOKEN') return next();
  if (info.parentType === info.schema.getMutationType() && info.fieldName !== 'login' && info.fieldName !== 'loginSecondFactor') throw tokensReadOnly();
  const resource = resourceOf(rules, info);
  const open = info.fieldName.startsWith('__') || OPEN.has(info.fieldName);
  const needed = resource ? [resource] : !info.path.prev && !open && !SELF_SCOPED.has(info.fieldName) ? (ROOT_SCOPES[info.fieldName] ?? null) : [];
  // An undeclared root field is named as what is missing: scopes are record names, never a field's.
  refuseUnscoped(actor, needed ?? [info.fieldName]);
  // Masked values would mean little if a caller could look a person up by them.
  if (resource) refusePeopleSearch(rules, actor, resource, args);
  const value = next();
  return !actor.personalData && rules.personal.has(`${info.parentType.name}.${info.fieldName}`) ? Promise.resolve(value).then(mask) : value;
}

/**
 * Puts the checks around the fields that need them: every root query and mutation, every field
 * that returns a resource (a reference), every personal field. Other fields keep graphql's own
 * fast resolution; a per-field middleware on all of them cost a third of a 100-row page.
 */
export function guardSchema(schema: GraphQLSchema, records: Records): GraphQLSchema {
  const rules = readRules(records.models);
  const roots = [schema.getQueryType(), schema.getMutationType()];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const needed =
        roots.includes(type) ||
        rules.resourceNames.has(getNamedType(field.type).name) ||
        declaredResource(field) !== undefined ||
        rules.personal.has(`${type.name}.${field.name}`);
      if (!needed) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => guard(rules, context, info, args, () => resolve(source, args, context, info));
    }
  }
  return schema;
}
