// Package types is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/service/ssm/types.
package types

// ParameterType is the type of a parameter.
type ParameterType string

// Parameter types.
const (
	ParameterTypeString       ParameterType = "String"
	ParameterTypeStringList   ParameterType = "StringList"
	ParameterTypeSecureString ParameterType = "SecureString"
)

// Parameter is a parameter read from Parameter Store.
type Parameter struct {
	ARN     *string
	Name    *string
	Type    ParameterType
	Value   *string
	Version int64
}

// ParameterHistory is a version of a parameter.
type ParameterHistory struct {
	Name    *string
	Type    ParameterType
	Value   *string
	Version int64
}
