package storeflow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// dbSink is an argument of a database function that takes a credential.
type dbSink struct {
	arg int
	// dsn is set when the argument is a connection string: the value is a
	// credential only where it sits in the string's password (or when it
	// is the whole string). Otherwise the argument is the password.
	dsn bool
}

// dbFuncs are the functions whose arguments make a value a DB credential,
// by import path and name.
var dbFuncs = map[string]map[string]dbSink{
	"database/sql":                    {"Open": {1, true}},
	"github.com/jmoiron/sqlx":         {"Open": {1, true}, "Connect": {1, true}, "MustOpen": {1, true}, "MustConnect": {1, true}},
	"github.com/jackc/pgx/v5":         {"Connect": {1, true}, "ParseConfig": {0, true}},
	"github.com/jackc/pgx/v4":         {"Connect": {1, true}, "ParseConfig": {0, true}},
	"github.com/jackc/pgx/v5/pgxpool": {"New": {1, true}, "ParseConfig": {0, true}},
	"github.com/jackc/pgx/v4/pgxpool": {"Connect": {1, true}, "ParseConfig": {0, true}},
	"gorm.io/driver/postgres":         {"Open": {0, true}},
	"gorm.io/driver/mysql":            {"Open": {0, true}},
	"github.com/lib/pq":               {"NewConnector": {0, true}, "ParseURL": {0, true}},
	"github.com/go-sql-driver/mysql":  {"ParseDSN": {0, true}},
	"net/url":                         {"UserPassword": {1, false}},
}

// dbFields are the password fields of DB configuration structs, by import
// path and type name.
var dbFields = map[string]map[string]string{
	"github.com/go-sql-driver/mysql": {"Config": "Passwd"},
	"github.com/jackc/pgx/v5":        {"ConnConfig": "Password"},
	"github.com/jackc/pgx/v5/pgconn": {"Config": "Password"},
	"github.com/jackc/pgx/v4":        {"ConnConfig": "Password"},
	"github.com/jackc/pgconn":        {"Config": "Password"},
}

// passThrough reports whether a function returns (a form of) its string
// argument: aws.ToString, strings.TrimSpace, …
func passThrough(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); path {
	case pkgV2AWS:
		return name == "ToString" || name == "StringValue" // StringValue before 1.0
	case pkgV1AWS:
		return name == "StringValue"
	case "strings":
		return strings.HasPrefix(name, "Trim") || strings.HasPrefix(name, "To") || name == "Clone"
	case "bytes":
		return strings.HasPrefix(name, "Trim")
	case "go.uber.org/zap", "log/slog":
		// Field and Attr constructors: zap.String("pw", v), slog.Any(…).
		sig, _ := fn.Type().(*types.Signature)
		return sig != nil && sig.Recv() == nil && sig.Results().Len() == 1 &&
			(namedFrom(sig.Results().At(0).Type(), "Field", "go.uber.org/zap", "go.uber.org/zap/zapcore") ||
				namedFrom(sig.Results().At(0).Type(), "Attr", "log/slog"))
	}
	return false
}

// logLevels are the method and function names of loggers.
var logLevels = map[string]bool{
	"Print": true, "Debug": true, "Info": true, "Warn": true, "Warning": true, "Error": true,
	"Fatal": true, "Panic": true, "Trace": true, "DPanic": true, "Log": true, "Msg": true,
	"Str": true, "Interface": true, "Any": true, "WithField": true, "WithFields": true, "With": true,
}

// loggerTypes are the receiver type names of loggers' methods.
var loggerTypes = map[string]bool{"Logger": true, "SugaredLogger": true, "Entry": true, "Event": true, "Context": true}

// logSink reports whether a call to fn writes its arguments to a log, the
// console or an error message, and returns the call's name. args are the
// call's arguments, to tell fmt.Fprint to os.Stdout from other writers.
func logSink(fn *types.Func, args []ssa.Value) (string, bool) {
	if fn.Pkg() == nil {
		return "", false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	sig, _ := fn.Type().(*types.Signature)
	recv := ""
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			recv = n.Obj().Name()
		}
	}
	if path == "testing" {
		return "", false
	}
	level := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, "Context"), "Ctx"), "ln"), "f")
	level = strings.TrimSuffix(level, "w")
	display := fn.Pkg().Name() + "." + name
	if recv != "" {
		display = fn.Pkg().Name() + "." + recv + "." + name
	}
	switch path {
	case "fmt":
		switch name {
		case "Print", "Printf", "Println", "Errorf":
			return display, true
		case "Fprint", "Fprintf", "Fprintln":
			if len(args) > 0 && stdStream(args[0]) {
				return display, true
			}
		}
		return "", false
	case "log", "log/slog":
		return display, logLevels[level] || name == "LogAttrs"
	}
	if recv != "" {
		return display, loggerTypes[recv] && logLevels[level]
	}
	// Package-level functions of logging packages: logrus.Info, glog.Errorf.
	return display, strings.Contains(fn.Pkg().Name(), "log") && logLevels[level]
}

// stdStream reports whether v is os.Stdout or os.Stderr.
func stdStream(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	load, ok := v.(*ssa.UnOp)
	if !ok {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && (g.Name() == "Stdout" || g.Name() == "Stderr")
}

// dbFunc returns the DB sink of a call to fn.
func dbFunc(fn *types.Func) (dbSink, bool) {
	if fn.Pkg() == nil {
		return dbSink{}, false
	}
	s, ok := dbFuncs[fn.Pkg().Path()][fn.Name()]
	if ok {
		if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
			return dbSink{}, false
		}
	}
	return s, ok
}

// structField returns the named struct type and field name of field i of
// the struct x points to (or is).
func structField(x types.Type, i int) (*types.Named, string) {
	if p, ok := types.Unalias(x).(*types.Pointer); ok {
		x = p.Elem()
	}
	st, ok := x.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return nil, ""
	}
	named, _ := types.Unalias(x).(*types.Named)
	return named, st.Field(i).Name()
}

// passwordField reports whether field of struct type named holds a DB
// password: a known driver configuration's password field, or a field
// whose qualified name (DBConfig.Password) says it is a DB credential.
func (sa *storeAnalysis) passwordField(named *types.Named, field string) bool {
	if pkg := named.Obj().Pkg(); pkg != nil {
		if f, ok := dbFields[pkg.Path()][named.Obj().Name()]; ok {
			return f == field
		}
	}
	n := sa.classify(named.Obj().Name() + "." + field)
	return n.Credential() && isDBKind(n.Kind)
}
