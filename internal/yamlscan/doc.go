// Package yamlscan is secretlint's engine for YAML and JSON infrastructure
// code: CloudFormation, Kubernetes, docker-compose, serverless, GitHub
// Actions, Spring application.yml, ECS task definitions and any other YAML.
//
// YAML cannot be analysed inside go/analysis, so this is a sibling of the Go
// analyzer: it walks yaml.Node trees with the same matcher, catalogue,
// settings and finding type. Every document of a file is checked, whatever
// its kind:
//
//   - hardcoded-credential: a mapping key (read with its parent keys for
//     context), an env var name of an env list (`name`/`value` items,
//     docker-compose `environment`, `KEY=value` items) or a Kubernetes
//     Secret `data` entry (base64-decoded) given a literal credential;
//   - hardcoded-token: detector matches in every scalar, key and comment;
//   - credential-in-connection-string: connection strings with an inline
//     password in every scalar;
//   - static-aws-credentials: AWS access key IDs and secret access keys set
//     as literals under their usual key and env var names.
//
// When several rules match one span, only the rule with the highest
// precedence reports. `# secretlint:ignore` and `# secretlint:file-ignore`
// comments suppress findings; only real comments count, never a `#` inside
// a scalar.
//
// Positions are 1-based lines and byte columns. Aliases are never expanded,
// so alias bombs cost nothing: an anchored node is checked once, where it is
// defined.
package yamlscan
