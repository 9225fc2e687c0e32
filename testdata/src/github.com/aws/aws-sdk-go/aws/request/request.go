// Package request is a minimal stand-in for
// github.com/aws/aws-sdk-go/aws/request.
package request

// Request is an SDK request; Send fills the output it was made with.
type Request struct{}

// Send sends the request.
func (r *Request) Send() error { return nil }
