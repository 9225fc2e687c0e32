package billing

import "testing"

// A fixture password in a test: reported as a note under the demo's test policy.
const testAdminPassword = "TFvIAl3CF4Yb"

func TestHandlerNeedsSignature(t *testing.T) {
	if testAdminPassword == "" {
		t.Fatal("fixture missing")
	}
}
