// Package aws is a minimal stand-in for github.com/aws/aws-sdk-go/aws.
package aws

import "context"

// Context is the SDK's context.
type Context = context.Context

// String returns a pointer to v.
func String(v string) *string { return &v }

// StringValue returns the string p points to, or "".
func StringValue(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Bool returns a pointer to v.
func Bool(v bool) *bool { return &v }

// StringSlice returns pointers to the strings.
func StringSlice(v []string) []*string {
	out := make([]*string, len(v))
	for i := range v {
		out[i] = &v[i]
	}
	return out
}
