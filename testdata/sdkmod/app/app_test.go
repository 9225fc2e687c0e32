package app

import "testing"

const testPassword = "SRUkvcXgpv6bCS" // want `^hard-coded password in const testPassword$`

func TestPassword(t *testing.T) {
	if testPassword == "" {
		t.Fatal("empty")
	}
}
