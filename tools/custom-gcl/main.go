// Command custom-gcl is golangci-lint with the secretlint plugin built in:
// the binary `golangci-lint custom` would build, made from the Go module
// proxy alone (custom clones golangci-lint from GitHub). It lives in its own
// module so that installing secretlint never compiles golangci-lint.
//
//	cd tools/custom-gcl && go build -o ../../bin/custom-gcl .
//	./bin/custom-gcl run ./...
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"
)

// Set with -ldflags "-X main.version=…".
var (
	version = "2.15.0-secretlint"
	commit  = "none"
	date    = "unknown"
)

func main() {
	info := commands.BuildInfo{Version: version, Commit: commit, Date: date, GoVersion: "go"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
