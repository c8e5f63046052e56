import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import type { Context } from './context';
import { appError } from './errors';

// A session whose password must change (set by an administrator, or expired) is served only what
// changing it needs: the account, what it may do, the change itself and signing out, and the
// schema. Anything else is refused until the change, which answers with a new session. An
// administrator's session without the second factor its role requires is confined the same way to
// enrolling one.

const SERVED = new Set(['me', 'myPermissions', 'timeZone', 'changeMyPassword', 'logout', '__typename', '__schema', '__type']);
const SERVED_FOR_ENROLMENT = new Set([...SERVED, 'startSecondFactorEnrolment', 'confirmSecondFactorEnrolment']);

export const passwordChangeRequired = (reason: string, extra: Record<string, unknown> = {}) =>
  appError(
    'FORBIDDEN',
    reason === 'EXPIRED'
      ? { zh: '密码已过期，请先修改密码', en: 'The password has expired: change it first' }
      : { zh: '管理员设置的密码须由本人修改后才能继续使用', en: 'A password an administrator set must be changed before going on' },
    { reason: 'PASSWORD_CHANGE_REQUIRED', passwordChange: reason, ...extra },
  );

export const secondFactorEnrolmentRequired = (extra: Record<string, unknown> = {}) =>
  appError(
    'FORBIDDEN',
    { zh: '管理员账号须先绑定动态验证码（第二种身份鉴别方式）', en: 'An administrator account must enrol a second factor (an authenticator app) first' },
    { reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED', ...extra },
  );

/** The fields a selection set asks for, through fragments too. */
function fieldsOf(set: SelectionSetNode, document: DocumentNode, out: FieldNode[] = []): FieldNode[] {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, document, out);
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) fieldsOf(fragment.selectionSet, document, out);
    }
  }
  return out;
}

/**
 * Whether a due session's operation asks only what changing the password needs. `me` is served its
 * own plain fields only: the account links to its organization, and from there to every record
 * (`me { organization { staffMembers { … } } }` would read them all before the change).
 */
function onlyServed(set: SelectionSetNode, document: DocumentNode, served = SERVED): boolean {
  return fieldsOf(set, document).every(
    (field) => served.has(field.name.value) && (field.name.value !== 'me' || !field.selectionSet || fieldsOf(field.selectionSet, document).every((f) => !f.selectionSet)),
  );
}

export function passwordChangePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const due = contextValue.actor.passwordChange;
          if (due) {
            if (!operation || onlyServed(operation.selectionSet, document)) return;
            throw passwordChangeRequired(due, { http: { status: 403 } });
          }
          if (contextValue.actor.secondFactorEnrolment && operation && !onlyServed(operation.selectionSet, document, SERVED_FOR_ENROLMENT)) {
            throw secondFactorEnrolmentRequired({ http: { status: 403 } });
          }
        },
      };
    },
  };
}
