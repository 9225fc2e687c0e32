// Package allowpath is the fixture of allowlisted paths and values.
package allowpath

const smtpPassword = "3jGIeYOjtNAv1r" // want `^hard-coded password in const smtpPassword$`

// The configuration allows this value.
const adminPassword = "SRUkvcXgpv6bCS"
