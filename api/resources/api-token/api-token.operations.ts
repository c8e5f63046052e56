import type { Tx } from '../../db';
import { conflict } from '../../errors';
import type { CrudService } from '../../crud/service';
import type { RowOf } from '../../crud/resource';
import type { apiTokens } from '../../../drizzle/schema';
import { formatToken, newSecret } from '../../auth/api-tokens';
import { currentActor } from '../../auth/actor';

type Tokens = CrudService<typeof apiTokens>;
type Token = RowOf<typeof apiTokens>;

export interface TokenRequest {
  name: string;
  scopes: string[];
  expiresAt: Date;
  personalData?: boolean | null;
}

/**
 * A new token: created through the service (the definition's rules, `access` and the audit apply),
 * with the secret's hash and its issuer kept beside what the administrator chose. The secret itself
 * is returned this once and stored nowhere.
 */
export async function issueApiToken(service: Tokens, tx: Tx, request: TokenRequest): Promise<{ secret: string; apiToken: Token }> {
  const { secret, hash } = newSecret();
  const actor = currentActor();
  const apiToken = await service.create(
    tx,
    { name: request.name, scopes: [...new Set(request.scopes)], expiresAt: request.expiresAt, personalData: request.personalData ?? false },
    { secretHash: hash, createdById: actor?.kind === 'USER' ? actor.id : null },
  );
  return { secret: formatToken(apiToken.id, secret), apiToken };
}

/** Revokes a token still in force: refused from its next request on, on every server. */
export async function revokeApiToken(service: Tokens, tx: Tx, id: unknown, version?: number | null): Promise<Token> {
  const token = await service.claim(tx, id, {
    version,
    state: (row) => (row.revokedAt ? conflict('STATE', { zh: '该令牌已吊销', en: 'The token is already revoked' }) : undefined),
  });
  return service.write(tx, token.id, { revokedAt: new Date() }, token);
}
