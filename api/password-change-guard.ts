import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Context } from './context';
import { appError } from './errors';

// A session whose password must change (set by an administrator, or expired) is served only what
// changing it needs: the account, what it may do, the change itself and signing out, and the
// schema. Anything else is refused until the change, which answers with a new session.

const SERVED = new Set(['me', 'myPermissions', 'timeZone', 'changeMyPassword', 'logout', '__typename', '__schema', '__type']);

export const passwordChangeRequired = (reason: string, extra: Record<string, unknown> = {}) =>
  appError(
    'FORBIDDEN',
    reason === 'EXPIRED'
      ? { zh: '密码已过期，请先修改密码', en: 'The password has expired: change it first' }
      : { zh: '管理员设置的密码须由本人修改后才能继续使用', en: 'A password an administrator set must be changed before going on' },
    { reason: 'PASSWORD_CHANGE_REQUIRED', passwordChange: reason, ...extra },
  );

/** The root fields an operation asks for, through fragments too. */
function rootFields(set: SelectionSetNode, document: DocumentNode, out: string[] = []): string[] {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, out);
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, out);
    }
  }
  return out;
}

export function passwordChangePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const due = contextValue.actor.passwordChange;
          if (!due) return;
          if (!operation || rootFields(operation.selectionSet, document).every((f) => SERVED.has(f))) return;
          throw passwordChangeRequired(due, { http: { status: 403 } });
        },
      };
    },
  };
}
