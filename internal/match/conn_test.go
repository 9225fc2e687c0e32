package match_test

import (
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/match"
)

func TestConnStrings(t *testing.T) {
	m := newMatcher(t, match.Options{})
	tests := []struct {
		in, scheme, password string
	}{
		{"postgres://app:Vq7rT2xLm9@db.internal:5432/shop", "postgres", "Vq7rT2xLm9"},
		{"postgresql://app:Vq7rT2xLm9@db/shop?sslmode=require", "postgresql", "Vq7rT2xLm9"},
		{"POSTGRES://app:Vq7rT2xLm9@db/shop", "postgres", "Vq7rT2xLm9"},
		{"mysql://app:Vq7rT2xLm9@db:3306/shop", "mysql", "Vq7rT2xLm9"},
		{"mongodb://app:Vq7rT2xLm9@db1:27017,db2:27017/shop?replicaSet=rs0", "mongodb", "Vq7rT2xLm9"},
		{"mongodb+srv://app:Vq7rT2xLm9@cluster0.mongo.internal/shop", "mongodb+srv", "Vq7rT2xLm9"},
		{"redis://:Vq7rT2xLm9@cache:6379/0", "redis", "Vq7rT2xLm9"},
		{"rediss://default:Vq7rT2xLm9@cache:6380", "rediss", "Vq7rT2xLm9"},
		{"amqp://app:Vq7rT2xLm9@mq:5672/vhost", "amqp", "Vq7rT2xLm9"},
		{"sqlserver://app:Vq7rT2xLm9@db:1433?database=shop", "sqlserver", "Vq7rT2xLm9"},
		{"jdbc:mysql://app:Vq7rT2xLm9@db:3306/shop", "jdbc:mysql", "Vq7rT2xLm9"},
		{"jdbc:mysql://db:3306/shop?user=app&password=Vq7rT2xLm9", "jdbc:mysql", "Vq7rT2xLm9"},
		{"jdbc:postgresql://db/shop?user=app&password=Vq7rT2xLm9&ssl=true", "jdbc:postgresql", "Vq7rT2xLm9"},
		{"jdbc:sqlserver://db:1433;databaseName=shop;user=app;password=Vq7rT2xLm9", "jdbc:sqlserver", "Vq7rT2xLm9"},
		{`db, err := sql.Open("postgres", "postgres://app:Vq7rT2xLm9@db/shop")`, "postgres", "Vq7rT2xLm9"},
		{"url: postgres://app:Vq7rT2xLm9@db/shop", "postgres", "Vq7rT2xLm9"},
		{"postgres://app:Vq7rT2xLm9@/shop?host=/var/run/postgresql", "postgres", "Vq7rT2xLm9"}, // empty host: a unix socket
		// An unescaped @ in the password: net/url and go-sql-driver split at the last @.
		{"postgres://app:p@ssw0rd!@db/shop", "postgres", "p@ssw0rd!"},
		// lib/pq key=value.
		{"host=h user=u password=Vq7rT2xLm9 dbname=d", "key=value", "Vq7rT2xLm9"},
		{"host=db.internal port=5432 user=app password='Vq7 rT2xLm9' dbname=shop sslmode=disable", "key=value", "Vq7 rT2xLm9"},
		{"password=Vq7rT2xLm9 host=h", "key=value", "Vq7rT2xLm9"},
		// ODBC / ADO.NET.
		{"Server=db;Database=shop;User Id=app;Password=Vq7rT2xLm9;", "key=value", "Vq7rT2xLm9"},
		{"Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=app;Pwd=Vq7rT2xLm9", "key=value", "Vq7rT2xLm9"},
		// go-sql-driver/mysql.
		{"app:Vq7rT2xLm9@tcp(db:3306)/shop", "go-sql-driver", "Vq7rT2xLm9"},
		{"app:Vq7rT2xLm9@tcp(db.internal:3306)/shop?parseTime=true", "go-sql-driver", "Vq7rT2xLm9"},
		{"app:Vq7rT2xLm9@unix(/var/run/mysqld/mysqld.sock)/shop", "go-sql-driver", "Vq7rT2xLm9"},
		{`sql.Open("mysql", "app:Vq7rT2xLm9@tcp(db:3306)/shop")`, "go-sql-driver", "Vq7rT2xLm9"},
		{"app:p@ss:w0rd@tcp(db:3306)/shop", "go-sql-driver", "p@ss:w0rd"},
	}
	for _, tt := range tests {
		got := m.ConnStrings(tt.in)
		if len(got) != 1 {
			t.Errorf("ConnStrings(%q): %d results, want 1", redactIn(tt.in, tt.password), len(got))
			continue
		}
		c := got[0]
		start := strings.Index(tt.in, tt.password)
		if c.Scheme != tt.scheme || c.Password != tt.password || c.Start != start || c.End != start+len(tt.password) {
			t.Errorf("ConnStrings(%q) = {%s %s [%d,%d)}, want {%s %s [%d,%d)}", redactIn(tt.in, tt.password),
				c.Scheme, match.Redact(c.Password), c.Start, c.End, tt.scheme, match.Redact(tt.password), start, start+len(tt.password))
		}
	}
}

func TestConnStringsNone(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, in := range []string{
		"postgres://user@host/db",
		"postgres://user:@host/db",
		"postgres://%s:%s@%s/db",
		"postgres://%v:%v@%v/db",
		"postgres://u:${DB_PASSWORD}@h/db",
		"postgres://u:{{ .Values.db.password }}@h/db",
		"postgres://u:$DB_PASSWORD@h/db",
		"postgres://u:<password>@h/db",
		"mysql://root:root@db:3306/shop",
		"amqp://guest:guest@localhost:5672/",
		"redis://:****@h",
		"redis://h:6379/0",
		"https://example.com/path?x=1",
		"https://example.com:8443/path",
		"git@github.com:awsguard/secretlint.git",
		"https://example.com/users/@me:settings",
		"user:%s@tcp(%s)/db",
		"root:@tcp(db:3306)/shop",
		"app:${DB_PASSWORD}@tcp(db:3306)/shop",
		"host=h user=u password=? dbname=d",
		"host=h user=u password=$1 dbname=d",
		"host=%s user=%s password=%s dbname=%s",
		"password=?",
		"password=$1",
		"password=Vq7rT2xLm9", // no other DSN key: a config line, left to the credential rule
		"Server=db;Database=shop;Integrated Security=true;",
		"ftp://ftp.example.org/pub",
		"tcp://app:Vq7rT2xLm9@broker:1883", // not a connection scheme of the catalogue
		"",
	} {
		if got := m.ConnStrings(in); len(got) != 0 {
			t.Errorf("ConnStrings(%q) = %d results (%s %s), want none", in, len(got), got[0].Scheme, match.Redact(got[0].Password))
		}
	}
}

func TestConnStringsSeveral(t *testing.T) {
	m := newMatcher(t, match.Options{})
	in := "primary: postgres://app:Vq7rT2xLm9@db1/shop\nreplica: postgres://ro:Kp4wZ8nQ2x@db2/shop\ncache: app:Hs6Lb3Tc9v@tcp(db3:3306)/shop"
	got := m.ConnStrings(in)
	want := []string{"Vq7rT2xLm9", "Kp4wZ8nQ2x", "Hs6Lb3Tc9v"}
	if len(got) != len(want) {
		t.Fatalf("ConnStrings: %d results, want %d", len(got), len(want))
	}
	for i, c := range got {
		s := strings.Index(in, want[i])
		if in[c.Start:c.End] != want[i] || c.Start != s {
			t.Errorf("result %d: %s at %d, want %s at %d", i, match.Redact(in[c.Start:c.End]), c.Start, match.Redact(want[i]), s)
		}
	}
}

func TestConnStringsAllowed(t *testing.T) {
	m := newMatcher(t, match.Options{RuleAllowValues: map[string][]string{"credential-in-connection-string": {`^local-`}}})
	if got := m.ConnStrings("postgres://app:local-dev-pw@localhost/shop"); len(got) != 0 {
		t.Errorf("an allowed password is reported")
	}
	if got := m.ConnStrings("postgres://app:Vq7rT2xLm9@localhost/shop"); len(got) != 1 {
		t.Errorf("another password is not reported")
	}
}

// redactIn replaces the password in a test input for failure messages.
func redactIn(in, pw string) string {
	if pw == "" {
		return in
	}
	return strings.ReplaceAll(in, pw, match.Redact(pw))
}

func BenchmarkConnStrings(b *testing.B) {
	m := newMatcher(b, match.Options{})
	texts := []string{
		"postgres://app:Vq7rT2xLm9@db.internal:5432/shop?sslmode=require",
		"host=db.internal port=5432 user=app password=Vq7rT2xLm9 dbname=shop",
		"app:Vq7rT2xLm9@tcp(db:3306)/shop?parseTime=true",
		"https://example.com/api/v1/items?limit=10&offset=20",
		"failed to open %s: %v",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.ConnStrings(texts[i%len(texts)])
	}
}

func TestConnStringsDocumentationHosts(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, s := range []string{
		"http://foo:bar@example.com",
		"postgres://app:Vq7rT2xLm9@db.example.org:5432/orders",
		"mysql://root:Vq7rT2xLm9@mysql.test/db",
		"redis://:Vq7rT2xLm9@cache.example/0",
	} {
		if got := m.ConnStrings(s); len(got) != 0 {
			t.Errorf("ConnStrings(%s) = %d matches, want none (documentation host)", match.Redact(s), len(got))
		}
	}
	for _, s := range []string{
		"postgres://app:Vq7rT2xLm9@db.internal:5432/orders",
		"postgres://app:Vq7rT2xLm9@example.com.evil.io/orders",
		"mysql://root:Vq7rT2xLm9@testing.corp/db",
	} {
		if got := m.ConnStrings(s); len(got) != 1 {
			t.Errorf("ConnStrings(%s) = %d matches, want 1", match.Redact(s), len(got))
		}
	}
}
