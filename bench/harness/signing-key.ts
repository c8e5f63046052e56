import { randomBytes } from 'node:crypto';

// Imported first by a bench that runs the server in its own process: a signing key of its own,
// set before the configuration is read, so nothing is written to the data directory.
process.env.AUTH_SECRET ??= randomBytes(32).toString('hex');
