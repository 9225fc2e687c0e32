package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/awsguard/secretlint/analyzer"
)

// writeModule writes a module of n packages of ordinary code with a few
// findings each, and returns its directory.
func writeModule(b *testing.B, n, files, funcs int) string {
	b.Helper()
	dir := b.TempDir()
	write := func(name, content string) { writeBenchFile(b, dir, name, content) }
	write("go.mod", "module example.com/bench\n\ngo 1.26\n")
	for i := range n {
		for j := range files {
			var src strings.Builder
			fmt.Fprintf(&src, "// Package p%d is generated for the benchmark.\npackage p%d\n\n", i, i)
			src.WriteString("import (\n\t\"errors\"\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n)\n\n")
			fmt.Fprintf(&src, "const dbPassword_%d = \"Vq7rT2xLm9\"\n\n", j)
			fmt.Fprintf(&src, "type Config%d struct {\n\tHost     string `json:\"host\"`\n\tUser     string `json:\"user\"`\n\tPassword string `json:\"password\"`\n}\n\n", j)
			for k := range funcs {
				fmt.Fprintf(&src, `// Load%[1]d_%[2]d reads the configuration from the environment.
// It returns an error when a value is missing.
func Load%[1]d_%[2]d(prefix string) (*Config%[1]d, error) {
	c := &Config%[1]d{Host: os.Getenv(prefix + "_HOST"), User: os.Getenv("DB_USER")}
	c.Password = os.Getenv("DB_PASSWORD")
	if c.Password == "" {
		return nil, errors.New("missing password for user " + c.User)
	}
	if strings.HasPrefix(c.Host, "localhost") {
		fmt.Printf("connecting to %%s as %%s\n", c.Host, c.User)
	}
	dsn := fmt.Sprintf("postgres://%%s:%%s@%%s/app?sslmode=require", c.User, c.Password, c.Host)
	_ = dsn
	return c, nil
}

`, j, k)
			}
			write(fmt.Sprintf("p%d/f%d.go", i, j), src.String())
		}
	}
	return dir
}

// BenchmarkAnalyzer measures the analyzer alone (loading excluded) over a
// generated module of about 20k lines.
func BenchmarkAnalyzer(b *testing.B) {
	dir := writeModule(b, 20, 5, 12)
	pkgs, lines := loadBench(b, &packages.Config{Dir: dir, Mode: packages.LoadSyntax})
	a := analyzer.New(settings(b, ""))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		found := 0
		for _, act := range analyzeBench(b, a, pkgs) {
			found += len(act.Diagnostics)
		}
		if found != 20*5 { // one dbPassword per file
			b.Fatalf("%d findings, want %d", found, 20*5)
		}
	}
	b.ReportMetric(float64(lines), "lines/op")
}

// writeStoreModule writes a module of n packages: one in ten wraps
// Parameter Store (stand-in SDK packages, replaced to local directories),
// three in ten use those wrappers and open databases, the rest is
// ordinary code. It returns the module's directory.
func writeStoreModule(b *testing.B, n, files, funcs int) string {
	b.Helper()
	dir := writeModule(b, 0, 0, 0)
	write := func(name, content string) { writeBenchFile(b, dir, name, content) }
	// The stand-ins of testdata/src as local modules.
	src := filepath.Join(testdata(b), "src")
	for _, m := range []string{"github.com/aws/aws-sdk-go-v2", "github.com/go-sql-driver/mysql"} {
		err := filepath.WalkDir(filepath.Join(src, m), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			write(filepath.Join("_sdk", rel), string(data))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		write(filepath.Join("_sdk", m, "go.mod"), "module "+m+"\n\ngo 1.26\n")
	}
	write("go.mod", `module example.com/bench

go 1.26

require (
	github.com/aws/aws-sdk-go-v2 v0.0.0
	github.com/go-sql-driver/mysql v0.0.0
)

replace github.com/aws/aws-sdk-go-v2 => ./_sdk/github.com/aws/aws-sdk-go-v2

replace github.com/go-sql-driver/mysql => ./_sdk/github.com/go-sql-driver/mysql
`)
	for i := range n {
		for j := range files {
			var s strings.Builder
			fmt.Fprintf(&s, "// Package p%d is generated for the benchmark.\npackage p%d\n\n", i, i)
			switch i % 10 {
			case 0: // wraps Parameter Store
				s.WriteString("import (\n\t\"context\"\n\t\"fmt\"\n\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n)\n\n")
				for k := range funcs {
					fmt.Fprintf(&s, `// Conn%[1]d_%[2]d reads a connection string.
func Conn%[1]d_%[2]d(ctx context.Context, c *ssm.Client, env string) (string, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/orders/%%s/conn%[2]d", env))})
	if err != nil {
		return "", fmt.Errorf("read parameter: %%w", err)
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Host%[1]d_%[2]d reads a host name.
func Host%[1]d_%[2]d(ctx context.Context, c *ssm.Client) string {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/db/host")})
	return *out.Parameter.Value
}

`, j, k)
				}
			case 1, 2, 3: // opens databases with the wrappers' values
				fmt.Fprintf(&s, "import (\n\t\"context\"\n\t\"database/sql\"\n\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n\n\tw \"example.com/bench/p%d\"\n)\n\n", i-i%10)
				for k := range funcs {
					fmt.Fprintf(&s, `// Open%[1]d_%[2]d opens the database.
func Open%[1]d_%[2]d(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	dsn, err := w.Conn%[1]d_%[2]d(ctx, c, "prd")
	if err != nil {
		return nil, err
	}
	host := w.Host%[1]d_%[2]d(ctx, c)
	if host == "" {
		return sql.Open("postgres", dsn)
	}
	return sql.Open("postgres", "postgres://app@"+host+"/orders")
}

`, j, k)
				}
			default:
				s.WriteString("import (\n\t\"errors\"\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n)\n\n")
				for k := range funcs {
					fmt.Fprintf(&s, `// Load%[1]d_%[2]d reads the configuration from the environment.
func Load%[1]d_%[2]d(prefix string) (string, error) {
	host, user := os.Getenv(prefix+"_HOST"), os.Getenv("DB_USER")
	if user == "" {
		return "", errors.New("missing user")
	}
	if strings.HasPrefix(host, "localhost") {
		fmt.Printf("connecting to %%s as %%s\n", host, user)
	}
	return fmt.Sprintf("postgres://%%s@%%s/app?sslmode=require", user, host), nil
}

`, j, k)
				}
			}
			write(fmt.Sprintf("p%d/f%d.go", i, j), s.String())
		}
	}
	return dir
}

// BenchmarkStore measures the analyzer with the store checks and their
// facts (loading excluded) over a generated module of 200 packages.
func BenchmarkStore(b *testing.B) {
	const n, files, funcs = 200, 3, 8
	dir := writeStoreModule(b, n, files, funcs)
	// Loaded as the secretlint command loads: the module's packages from
	// source, the rest from export data.
	cfg := &packages.Config{Dir: dir, Mode: packages.LoadSyntax | packages.NeedModule, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")}
	pkgs, lines := loadBench(b, cfg)
	a := analyzer.New(settings(b, ""))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		found := 0
		for _, act := range analyzeBench(b, a, pkgs) {
			for _, d := range act.Diagnostics {
				if d.Category == "db-credential-in-parameter-store" {
					found++
				}
			}
		}
		// One per Conn call site: 3 packages per ten, files×funcs each.
		if want := n / 10 * 3 * files * funcs; found != want {
			b.Fatalf("%d findings, want %d", found, want)
		}
	}
	b.ReportMetric(float64(len(pkgs)), "packages")
	b.ReportMetric(float64(lines), "lines/op")
}

// loadBench loads the packages of a benchmark module and counts their lines.
func loadBench(b *testing.B, cfg *packages.Config) ([]*packages.Package, int) {
	b.Helper()
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages have errors")
	}
	lines := 0
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			lines += p.Fset.File(f.FileStart).LineCount()
		}
	}
	return pkgs, lines
}

// analyzeBench runs the analyzer on the packages and returns the root actions.
func analyzeBench(b *testing.B, a *analysis.Analyzer, pkgs []*packages.Package) []*checker.Action {
	b.Helper()
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, act := range g.Roots {
		if act.Err != nil {
			b.Fatal(act.Err)
		}
	}
	return g.Roots
}

// writeBenchFile writes a file of a generated module, making its directory.
func writeBenchFile(b *testing.B, dir, name, content string) {
	b.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		b.Fatal(err)
	}
}
