//go:build unix

package main

import "syscall"

// endGroup sends SIGTERM to the process group a child leads.
func endGroup(pid int) { _ = syscall.Kill(-pid, syscall.SIGTERM) }
