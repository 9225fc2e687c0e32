// Command benchgen writes a synthetic Go module for secretlint's
// benchmarks: P packages of F files of about L lines each, with imports
// between packages, the standard library, string constants, struct
// literals, env lookups, SQL and a few hard-coded credentials, so that type
// checking and the analyzer see realistic work. The fake secrets are random
// strings made by a seeded generator, never real keys.
//
//	go run ./scripts/benchgen -dir /tmp/big -packages 110 -files 10 -lines 300
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir := flag.String("dir", "", "directory to write the module to (required)")
	pkgs := flag.Int("packages", 110, "number of packages")
	files := flag.Int("files", 10, "files per package")
	lines := flag.Int("lines", 300, "approximate lines per file")
	yamlFiles := flag.Int("yaml", 0, "CloudFormation/Kubernetes YAML files to write under deploy/")
	flag.Parse()
	if *dir == "" {
		log.Fatal("benchgen: -dir is required")
	}
	r := rand.New(rand.NewPCG(1, 2))
	must(os.MkdirAll(*dir, 0o755))
	must(os.WriteFile(filepath.Join(*dir, "go.mod"), []byte("module example.com/big\n\ngo 1.26.0\n"), 0o644))
	total := 0
	for p := range *pkgs {
		pdir := filepath.Join(*dir, "internal", fmt.Sprintf("p%03d", p))
		must(os.MkdirAll(pdir, 0o755))
		for f := range *files {
			src := goFile(r, p, f, *lines)
			total += strings.Count(src, "\n")
			must(os.WriteFile(filepath.Join(pdir, fmt.Sprintf("f%02d.go", f)), []byte(src), 0o644))
		}
	}
	for y := range *yamlFiles {
		d := filepath.Join(*dir, "deploy", fmt.Sprintf("svc%03d", y))
		must(os.MkdirAll(d, 0o755))
		must(os.WriteFile(filepath.Join(d, "template.yaml"), []byte(cfnTemplate(r, y)), 0o644))
		must(os.WriteFile(filepath.Join(d, "k8s.yaml"), []byte(k8sManifest(r, y)), 0o644))
	}
	fmt.Printf("wrote %d packages, %d Go lines, %d YAML files to %s\n", *pkgs, total, 2**yamlFiles, *dir)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func randString(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alnum[r.IntN(len(alnum))]
	}
	return string(b)
}

func goFile(r *rand.Rand, p, f, lines int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package p%03d is generated for benchmarks.\npackage p%03d\n\n", p, p)
	b.WriteString("import (\n\t\"database/sql\"\n\t\"errors\"\n\t\"fmt\"\n\t\"net/http\"\n\t\"os\"\n\t\"strings\"\n")
	if p > 0 {
		fmt.Fprintf(&b, "\n\tdep \"example.com/big/internal/p%03d\"\n", r.IntN(p))
	}
	b.WriteString(")\n\n")
	b.WriteString("var (\n\t_ = sql.ErrNoRows\n\t_ = errors.New\n\t_ = fmt.Sprint\n\t_ = http.StatusOK\n\t_ = os.Getenv\n\t_ = strings.TrimSpace\n)\n\n")
	if p > 0 {
		fmt.Fprintf(&b, "var _ = dep.Version%02d\n\n", 0)
	}
	fmt.Fprintf(&b, "// Version%02d is the file's version.\nconst Version%02d = \"v1.%d.%d\"\n\n", f, f, p, f)
	n := 0
	for j := 0; n < lines; j++ {
		i := f*10000 + j
		switch r.IntN(8) {
		case 0:
			fmt.Fprintf(&b, "// Config%d holds settings.\ntype Config%d struct {\n\tHost     string `json:\"host\"`\n\tPort     int    `json:\"port\"`\n\tUser     string `json:\"user\"`\n\tPassword string `json:\"password\"`\n}\n\n", i, i)
		case 1:
			fmt.Fprintf(&b, "func load%d() (host, user, password string) {\n\treturn os.Getenv(\"DB_HOST\"), \"app\", os.Getenv(\"DB_PASSWORD\")\n}\n\n", i)
		case 2:
			fmt.Fprintf(&b, "func handler%d(w http.ResponseWriter, r *http.Request) {\n\tname := strings.TrimSpace(r.URL.Query().Get(\"name\"))\n\tif name == \"\" {\n\t\thttp.Error(w, \"missing name\", http.StatusBadRequest)\n\t\treturn\n\t}\n\tfmt.Fprintf(w, \"hello %%s from handler %d\\n\", name)\n}\n\n", i, i)
		case 3:
			fmt.Fprintf(&b, "func query%d(db *sql.DB, id int) (string, error) {\n\tvar s string\n\terr := db.QueryRow(\"SELECT name FROM items WHERE id = $1\", id).Scan(&s)\n\tif errors.Is(err, sql.ErrNoRows) {\n\t\treturn \"\", fmt.Errorf(\"item %%d not found\", id)\n\t}\n\treturn s, err\n}\n\n", i)
		case 4:
			fmt.Fprintf(&b, "const (\n\tlabel%dA = \"service.name\"\n\tlabel%dB = \"X-Request-Id\"\n\tPasswordField%d = \"password\"\n\ttokenEnv%d = \"API_TOKEN\"\n)\n\n", i, i, i, i)
		case 5:
			fmt.Fprintf(&b, "var table%d = map[string]int{\"alpha\": %d, \"beta\": %d, \"gamma\": %d}\n\n", i, r.IntN(100), r.IntN(100), r.IntN(100))
		case 6:
			fmt.Fprintf(&b, "func sum%d(xs []int) (n int) {\n\tfor _, x := range xs {\n\t\tif x%%2 == 0 {\n\t\t\tn += x\n\t\t}\n\t}\n\treturn n\n}\n\n", i)
		case 7:
			if r.IntN(20) == 0 {
				fmt.Fprintf(&b, "const apiToken%d = %q\n\n", i, randString(r, 32))
			} else {
				fmt.Fprintf(&b, "var msg%d = fmt.Sprintf(\"processed %%d items in %%s\", %d, %q)\n\n", i, r.IntN(1000), randString(r, 6))
			}
		}
		n = strings.Count(b.String(), "\n")
	}
	return b.String()
}

func cfnTemplate(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "AWSTemplateFormatVersion: '2010-09-09'\nDescription: service %d\nParameters:\n  Env:\n    Type: String\n    Default: prd\n  DBPassword:\n    Type: String\n    NoEcho: true\nResources:\n", i)
	for j := range 20 {
		fmt.Fprintf(&b, "  Queue%d:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${Env}-svc%d-q%d'\n      VisibilityTimeout: %d\n", j, i, j, 30+r.IntN(300))
		fmt.Fprintf(&b, "  Fn%d:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: go1.x\n      Handler: main\n      Environment:\n        Variables:\n          LOG_LEVEL: info\n          DB_HOST: !GetAtt DB.Endpoint.Address\n          QUEUE_URL: !Ref Queue%d\n", j, j)
	}
	fmt.Fprintf(&b, "  DB:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      ManageMasterUserPassword: true\n")
	return b.String()
}

func k8sManifest(r *rand.Rand, i int) string {
	var b strings.Builder
	for j := range 10 {
		fmt.Fprintf(&b, "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc%d-%d\n  labels: {app: svc%d}\nspec:\n  replicas: %d\n  template:\n    spec:\n      containers:\n      - name: app\n        image: registry.example.com/svc%d:%d\n        env:\n        - name: LOG_LEVEL\n          value: info\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n", i, j, i, 1+r.IntN(5), i, j)
	}
	return b.String()
}
