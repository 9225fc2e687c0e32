package main

// The plugins built in, as `golangci-lint custom` writes them.
import _ "github.com/awsguard/secretlint/golangciplugin"
