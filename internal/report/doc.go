// Package report writes secretlint's findings and renders its rule
// catalogue.
//
// [Write] prints findings in one of [Formats]:
//
//   - text: `file:line:col: message [rule-id]`, one line per finding;
//   - json: a versioned, documented document (docs/output.md);
//   - sarif: SARIF 2.1.0 for GitHub code scanning and SARIF viewers, with
//     the rule metadata taken from the catalogue;
//   - github: GitHub Actions workflow commands that annotate a run.
//
// [WriteRules] lists the catalogue as text, JSON or the Markdown page
// docs/rules.md, and [Explain] prints one rule for a terminal.
//
// Every text about a rule (title, description, remediation, severity) comes
// from the catalogue; the writers add only layout. No writer reads more of a
// source file than the column conversion of SARIF needs, and none prints
// source text: a finding's message is the only text it carries.
package report
