// Package app is the target of the golangci-lint plugin test.
package app

import "os"

const dbPassword = "Vq7rT2xLm9wP"

const suppressedPassword = "Kd4nR8tZq2Lx" //nolint:secretlint // fixture for the nolint check

// Slack bot token pasted into a comment: xoxb-7305829164-4829175036-Wq3ZtR8mKp2VnX7cLd5FgHb9

// PasswordField is a JSON field name, not a secret.
const PasswordField = "password"

var dbPasswordEnv = os.Getenv("DB_PASSWORD")
