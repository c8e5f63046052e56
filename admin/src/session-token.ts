// Where the browser keeps the signed-in user's token: the admin (auth-provider.ts) and the explorer
// (explorer/main.tsx) read the same one, so the explorer sends the signed-in user's token.

export const TOKEN_KEY = 'township.token';

export const sessionToken = (): string | null => localStorage.getItem(TOKEN_KEY);
