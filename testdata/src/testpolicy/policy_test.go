package testpolicy

// Reported only when test files are included.
const testPassword = "SRUkvcXgpv6bCS"
