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
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			b.Fatal(err)
		}
	}
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
	pkgs, err := packages.Load(&packages.Config{Dir: dir, Mode: packages.LoadSyntax}, "./...")
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
	a := analyzer.New(analyzer.Config{Settings: settings(b, "")})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		found := 0
		for _, act := range g.Roots {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
			found += len(act.Diagnostics)
		}
		if found != 20*5 { // one dbPassword per file
			b.Fatalf("%d findings, want %d", found, 20*5)
		}
	}
	b.ReportMetric(float64(lines), "lines/op")
}
