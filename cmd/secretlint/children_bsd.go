//go:build unix && !linux

package main

import "syscall"

// childAttr puts a child in a process group of its own.
func childAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// endDescendants does nothing where the process tree cannot be read
// portably: the children's process groups and the go command's
// interrupt have to do.
func endDescendants() {}
