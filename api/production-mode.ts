// Imported first by the server's entry point: the server runs in production mode unless told
// otherwise. graphql-js decides at load time whether to run its development checks (a third of a
// list's CPU), so this must run before anything imports it.
process.env.NODE_ENV ??= 'production';
