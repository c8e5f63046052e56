process.env.TEST_DRIVER = 'pglite';
// Tokens are signed with a fixed test key rather than one kept in ./data.
process.env.AUTH_SECRET ??= 'test-signing-key-not-for-production-0123456789';
