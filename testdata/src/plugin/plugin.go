package plugin

import "os"

const dbPassword = "Vq7rT2xLm9wP" // want `^hardcoded-credential: hard-coded DB password in const dbPassword$`

// xoxb-7305829164-4829175036-Wq3ZtR8mKp2VnX7cLd5FgHb9 is disabled by the plugin settings.

var goodEnv = os.Getenv("DB_PASSWORD")
