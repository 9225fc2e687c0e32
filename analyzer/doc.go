// Package analyzer defines the secretlint analyzer, which reports secrets
// written into Go source: credentials given as literals, known token
// formats, passwords inline in connection strings and static AWS
// credentials.
//
// # Analyzer secretlint
//
// secretlint: report hard-coded secrets in Go source
//
// The analyzer enforces the "no hard-coded credentials" part of the AWS
// secrets guideline: DB credentials belong in Secrets Manager with
// rotation, other secrets in Secrets Manager or a Parameter Store
// SecureString, and none of them in code. Each diagnostic's Category is the
// ID of the rule it reports; the rules, their texts and their remediation
// are defined in rules.yaml and documented at the analyzer's URL, one
// anchor per rule ID.
//
// hardcoded-credential reports a literal given to something whose name
// says it is a credential: a constant, variable, assignment (including to a
// field, cfg.Password = …), keyed struct or map literal, call argument of a
// credential parameter, comparison, or the fallback of an environment
// lookup. Constants are folded through + and named constants, and []byte
// conversions are seen through. Names are split into words, so Bypass and
// Tokenizer are not credentials, and names of references (PasswordField,
// SecretName, dbPassEnv) are not reported. Nor are values that point at a
// secret or stand in for one: environment variable names, SSM parameter
// paths, Secrets Manager ARNs, templates such as ${DB_PASSWORD} or
// {{ .Values.x }}, placeholders such as "", "changeme" or "********",
// format verbs, regexes, character sets and sentences, and constants of a
// named string type (enums such as TokenTypeBearer).
//
//	const dbPassword = "Vq7rT2xLm9"            // hard-coded DB password in const dbPassword
//	cfg.Password = "3jGIeYOjtNAv1r"            // hard-coded password in assignment to cfg.Password
//	c := mysql.Config{Passwd: "lA6RtNQYeBegPs"} // hard-coded password in field Passwd of mysql.Config
//	pw := getenv("DB_PASSWORD", "pVlwi5BUQaOZnh") // hard-coded DB password in fallback of DB_PASSWORD
//
//	const dbPassEnv = "DB_PASSWORD"            // not reported: the name of a variable
//	pw := os.Getenv(dbPassEnv)                 // not reported
//
// hardcoded-token reports known token formats (the detectors of rules.yaml,
// such as AWS access key IDs and private key blocks) in every string
// literal, folded constant and comment:
//
//	// rotated key: AKIAUG6PYQVIUN2GEORC       // hard-coded AWS access key ID in comment
//
// credential-in-connection-string reports DSNs and URLs that carry a
// password: scheme://user:pass@host, lib/pq key=value strings and
// go-sql-driver user:pass@tcp(host)/db. A DSN built with fmt.Sprintf from
// variables is not a literal and is not reported.
//
//	db, err := sql.Open("mysql", "app:nnyCTvSwL3K0w2@tcp(db:3306)/shop") // password inline in go-sql-driver connection string in argument dataSourceName of sql.Open
//
// static-aws-credentials reports credentials.NewStaticCredentialsProvider
// (aws-sdk-go-v2), credentials.NewStaticCredentials (aws-sdk-go) and
// aws.Credentials or credentials.Value literals whose access key ID and
// secret access key are both literals. The packages are matched by import
// path through type information, so a local package named credentials is
// not reported.
//
//	p := credentials.NewStaticCredentialsProvider("AKIAORZGR5FZVNTIWXBN", "3uwK7d3OfvsOs2uxV6p3akugaajXOJfMs8lb+ZJu", "")
//	// static AWS credentials built from literals in call to credentials.NewStaticCredentialsProvider
//
// The store rules check where secrets are kept. Parameter Store and
// Secrets Manager calls are recognised by the SDK's input types
// (*ssm.GetParameterInput, *secretsmanager.GetSecretValueInput, … of
// aws-sdk-go-v2 and aws-sdk-go), so calls through interfaces, wrappers
// and struct fields are found and a local package named ssm is not. The
// parameter name is resolved where Go allows (literals, constants,
// aws.String, +, fmt.Sprintf, path.Join, strings.Join, fields of struct
// literals) and classified with the catalogue's kinds. When the name does
// not tell, the value is followed on SSA, built only for packages that
// import a store SDK, a database package or a package with facts:
// through loads, conversions, aws.ToString, local struct fields, DSNs
// built with fmt.Sprintf or +, and into database/sql.Open, sqlx, pgx,
// gorm drivers, lib/pq, mysql.Config.Passwd and url.UserPassword. This
// work is done by the storeflow analyzer, which secretlint requires: its
// facts carry "returns a Parameter Store value" and "parameter k reaches
// a sink" across packages, so drivers run it on the dependencies too,
// while secretlint, which has no facts, runs on the requested packages
// only. A finding is reported where the parameter is chosen: the SDK
// call, or the call of a helper that takes the name.
// Values that sit in the host or database part of a DSN, IAM auth tokens,
// Secrets Manager reads, /aws/reference/secretsmanager/ names and names of
// references (…/password-arn) are not reported; nor are calls of mocks
// declared in _test.go files.
//
//	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/prd/db/password")})
//	// DB password read from Parameter Store parameter "/app/prd/db/password"; DB credentials belong in Secrets Manager with rotation
//	dsn, _ := paramstore.Connection(ctx, c) // value reaches sql.Open below
//	// DB password read from Parameter Store parameter "/orders/prd/conn" (reaches sql.Open in store.go:42); DB credentials belong in Secrets Manager with rotation
//
// secret-in-parameter-store reports other secrets the catalogue puts in
// Secrets Manager, plaintext-secret-parameter a PutParameter of a secret
// as String, StringList or without a type, secret-logged a Secrets
// Manager value or Parameter Store secret that reaches log, log/slog,
// fmt.Print*, fmt.Errorf or a logger of zap, logrus or zerolog shape
// (testing.T.Log is not a sink), and uncached-secret-fetch a secret
// fetched inside a loop or in an HTTP handler without a cache:
//
//	log.Printf("key %s", aws.ToString(out.SecretString))
//	// secret "prd/partner/api" read from Secrets Manager reaches log.Printf
//
// When several rules match one location, only the rule with the highest
// precedence in rules.yaml reports it.
//
// A finding is suppressed by a directive on its line or the line above,
// which must give a reason; a file-ignore directive covers the whole file:
//
//	//secretlint:ignore hardcoded-credential,hardcoded-token key of the local emulator
//	//secretlint:file-ignore hardcoded-credential fixtures of the parser tests
//
// invalid-suppression reports a directive without a reason, naming an
// unknown rule, or suppressing nothing. //nolint comments are left to
// golangci-lint.
//
// Generated files are skipped unless the configuration sets generated:
// true. Settings come from .secretlint.yaml (enabled rules, allowlisted
// paths and values, extra kinds and detectors, the test policy and the
// language), found from the working directory or given with -config.
//
// Flags:
//
//	| flag    | values                 | default                                          |
//	|---------|------------------------|--------------------------------------------------|
//	| -config | file                   | the nearest .secretlint.yaml                     |
//	| -lang   | en, ja                 | the configuration file, then LANG                |
//	| -tests  | include, exclude, note | the configuration file, then include             |
//
// Under -tests=exclude, _test.go files and files below a testdata
// directory (relative to the working directory) are not reported; note
// leaves the severity to the driver.
package analyzer

//secretlint:file-ignore hardcoded-token the examples above show synthetic keys as secretlint reports them
