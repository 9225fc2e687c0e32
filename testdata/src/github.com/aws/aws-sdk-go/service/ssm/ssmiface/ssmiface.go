// Package ssmiface is a minimal stand-in for
// github.com/aws/aws-sdk-go/service/ssm/ssmiface.
package ssmiface

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/ssm"
)

// SSMAPI is the client interface.
type SSMAPI interface {
	GetParameter(*ssm.GetParameterInput) (*ssm.GetParameterOutput, error)
	GetParameterWithContext(aws.Context, *ssm.GetParameterInput, ...func()) (*ssm.GetParameterOutput, error)
	GetParametersByPathPages(*ssm.GetParametersByPathInput, func(*ssm.GetParametersByPathOutput, bool) bool) error
	PutParameter(*ssm.PutParameterInput) (*ssm.PutParameterOutput, error)
}
