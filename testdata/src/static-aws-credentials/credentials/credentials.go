// Package credentials is a local package that shares a name with the AWS
// SDK's: it must not be taken for it.
package credentials

// NewStaticCredentialsProvider is not the SDK's.
func NewStaticCredentialsProvider(a, b, c string) string { return a + b + c }
