package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/awsguard/secretlint/internal/exprtext"
)

// hardcoded-credential in calls: arguments of credential parameters, keys
// and their values, fallbacks of environment lookups.

// knownParams names credential parameters of common callees, for code
// without type information: callee name -> argument index -> parameter.
var knownParams = map[string]map[int]string{
	"SetBasicAuth": {1: "password"},
	"UserPassword": {1: "password"},
}

func (fs *fileScan) call(call *ast.CallExpr) {
	if !fs.on[ruleCredential] || len(call.Args) == 0 || fs.isConversion(call) {
		return
	}
	fun := exprtext.Of(call.Fun)
	// Arguments of credential parameters, by the callee's parameter names.
	if sig := fs.signature(call); sig != nil {
		params := sig.Params()
		for i, arg := range call.Args {
			var p *types.Var
			switch {
			case sig.Variadic() && i >= params.Len()-1:
				if call.Ellipsis.IsValid() {
					continue
				}
				p = params.At(params.Len() - 1)
			case i < params.Len():
				p = params.At(i)
			}
			if p == nil {
				continue
			}
			pname := p.Name()
			fs.credential(pname, arg, func() string { return fs.place(placeArg, pname, fun) })
		}
	} else if ps := knownParams[calleeName(call.Fun)]; ps != nil {
		for i, pname := range ps {
			if i < len(call.Args) {
				fs.credential(pname, call.Args[i], func() string { return fs.place(placeArg, pname, fun) })
			}
		}
	}
	// A key and its value or default: getenv("DB_PASSWORD", "…"),
	// viper.SetDefault("db.password", "…"), m.Set("password", "…"). Only
	// for callees that store or look up a key: in Message(rule, "conflict")
	// the first argument is no name of the second.
	if len(call.Args) >= 2 && fs.keyValueCall(call) {
		if key, ok := fs.constString(call.Args[0]); ok && keyLike(key) {
			kind := placeValueOf
			if envCallee(call.Fun) {
				kind = placeFallback
			}
			fs.credential(key, call.Args[1], func() string { return fs.place(kind, key) })
		}
	}
	// A literal after an environment lookup: cmp.Or(os.Getenv("DB_PASSWORD"), "…").
	env := ""
	for _, arg := range call.Args {
		if name, ok := fs.envLookup(arg); ok {
			env = name
			continue
		}
		if env != "" {
			name := env
			fs.credential(name, arg, func() string { return fs.place(placeFallback, name) })
		}
	}
}

// keyValueCall reports whether a call takes a key and its value: the
// callee reads the environment, or its name says it sets or defaults
// something, or (with type information) its second parameter is named as
// a value or default.
func (fs *fileScan) keyValueCall(call *ast.CallExpr) bool {
	if envCallee(call.Fun) {
		return true
	}
	n := strings.ToLower(calleeName(call.Fun))
	for _, verb := range keyValuePrefixes {
		if strings.HasPrefix(n, verb) {
			return true
		}
	}
	if strings.HasSuffix(n, "or") || strings.HasSuffix(n, "default") || strings.HasSuffix(n, "defaults") {
		return true // cmp.Or, getEnvOr, withDefault
	}
	if sig := fs.signature(call); sig != nil && sig.Params().Len() >= 2 {
		switch strings.ToLower(sig.Params().At(1).Name()) {
		case "value", "val", "v", "def", "dflt", "default", "defaultvalue", "defval", "fallback", "or":
			return true
		}
	}
	return false
}

// keyValuePrefixes start the names of key/value setters: Set, SetDefault,
// Put, Store, Add, WithValue, Insert, Default.
var keyValuePrefixes = []string{"set", "put", "store", "add", "with", "insert", "upsert", "default"}

// envLookup reports whether e is a call such as os.Getenv("DB_PASSWORD")
// and returns the variable's name.
func (fs *fileScan) envLookup(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !envCallee(call.Fun) {
		return "", false
	}
	name, ok := fs.constString(call.Args[0])
	if !ok || !keyLike(name) {
		return "", false
	}
	return name, true
}

// envCallee reports whether a callee's name says it reads the environment
// (Getenv, LookupEnv, getEnvOr) rather than sets it.
func envCallee(fun ast.Expr) bool {
	n := strings.ToLower(calleeName(fun))
	return strings.Contains(n, "env") && !strings.HasPrefix(n, "set") && !strings.HasPrefix(n, "unset")
}

// calleeName returns the last name of a callee expression.
func calleeName(fun ast.Expr) string {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr: // generic instantiation
		return calleeName(f.X)
	case *ast.IndexListExpr:
		return calleeName(f.X)
	}
	return ""
}
