package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/awsguard/secretlint/internal/exprtext"
)

// static-aws-credentials: static credentials built from literals.

// AWS SDK packages whose static credentials are reported.
const (
	pkgV2Credentials = "github.com/aws/aws-sdk-go-v2/credentials"
	pkgV2AWS         = "github.com/aws/aws-sdk-go-v2/aws"
	pkgV1Credentials = "github.com/aws/aws-sdk-go/aws/credentials"
)

// staticAWSCall reports NewStaticCredentialsProvider / NewStaticCredentials
// calls whose access key ID and secret access key are both literals.
func (fs *fileScan) staticAWSCall(call *ast.CallExpr) {
	if !fs.on[ruleStaticAWS] || len(call.Args) < 2 || fs.pass.TypesInfo == nil {
		return
	}
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return
	}
	fn, ok := fs.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	switch {
	case fn.Pkg().Path() == pkgV2Credentials && fn.Name() == "NewStaticCredentialsProvider",
		fn.Pkg().Path() == pkgV1Credentials && fn.Name() == "NewStaticCredentials":
	default:
		return
	}
	if fs.literalAWS(call.Args[0], false) && fs.literalAWS(call.Args[1], true) {
		fs.add(ruleStaticAWS, call.Pos(), call.End(), "place", fs.place(placeCall, exprtext.Of(call.Fun)))
	}
}

// staticAWSLit reports aws.Credentials{…} and v1 credentials.Value{…}
// literals whose access key ID and secret access key are both literals.
func (fs *fileScan) staticAWSLit(lit *ast.CompositeLit) {
	if !fs.on[ruleStaticAWS] || fs.pass.TypesInfo == nil {
		return
	}
	named, ok := types.Unalias(fs.typeOf(lit)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return
	}
	switch path, name := named.Obj().Pkg().Path(), named.Obj().Name(); {
	case path == pkgV2AWS && name == "Credentials", path == pkgV1Credentials && name == "Value":
	default:
		return
	}
	var idOK, secretOK bool
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key == nil:
		case key.Name == "AccessKeyID":
			idOK = fs.literalAWS(kv.Value, false)
		case key.Name == "SecretAccessKey":
			secretOK = fs.literalAWS(kv.Value, true)
		}
	}
	if idOK && secretOK {
		fs.add(ruleStaticAWS, lit.Pos(), lit.End(), "place", fs.place(placeLiteralOf, fs.typeText(lit)))
	}
}

// literalAWS reports whether e is a constant string with the shape of a
// real access key ID (or, with secret, secret access key): not a
// placeholder such as "test" or "accessKey", a reference or an allowed value.
func (fs *fileScan) literalAWS(e ast.Expr, secret bool) bool {
	v, ok := fs.constString(e)
	if !ok {
		return false
	}
	if secret {
		return fs.s.Matcher.AWSSecretAccessKey(ruleStaticAWS, v)
	}
	return fs.s.Matcher.AWSAccessKeyID(ruleStaticAWS, v)
}
