// Package aws is a minimal stand-in for github.com/aws/aws-sdk-go-v2/aws
// before 1.0 (v0.x).
package aws

// Config is an SDK configuration.
type Config struct{ Region string }

// Client is the base of the service clients.
type Client struct{ Config Config }

// Request is a request to send.
type Request struct{ Data any }

// Response is the metadata of a response.
type Response struct{}

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
