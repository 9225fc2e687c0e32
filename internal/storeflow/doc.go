// Package storeflow defines the storeflow analyzer, which follows secrets
// read from (or written to) AWS Systems Manager Parameter Store and
// Secrets Manager through a package's SSA form.
//
// # Analyzer storeflow
//
// storeflow: follow Parameter Store and Secrets Manager values to their sinks
//
// The analyzer recognises store calls by the SDK's input types, resolves
// the names of the parameters and secrets they read or write, and follows
// the values into database connections, logs and the results of helper
// functions. It reports nothing itself: its result holds the findings of
// the store rules (db-credential-in-parameter-store,
// secret-in-parameter-store, plaintext-secret-parameter, secret-logged and
// uncached-secret-fetch) by file, with their messages made, for the
// secretlint analyzer to merge with its own candidates.
//
// Facts carry what a function does with secrets across packages ("returns
// a Parameter Store value", "parameter k reaches a sink"), and a package
// fact marks packages that export any, so that importers build SSA. The
// analyzer builds SSA only for packages that import a store SDK, a
// package with facts, or a database package whose sinks they use; it does
// nothing for the others (and for packages without type information), so
// running it on every dependency, as drivers do for analyzers with facts,
// costs little.
package storeflow
