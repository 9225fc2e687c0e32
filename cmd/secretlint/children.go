package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
)

// Process hygiene. The command starts children of its own (git for
// -new-from-rev, go list -find for the targets, go env for the findings
// cache) and go/packages starts `go list`, which starts the compiler.
// When the run is interrupted (SIGINT) or terminated (SIGTERM), none of
// them may outlive it:
//
//   - the command's own children run in a process group of their own,
//     which is ended as a whole;
//   - on Linux, every descendant (go list, the compiler under it,
//     anything a child started) is found in /proc and ended: SIGTERM,
//     then SIGKILL after a grace period;
//   - then the run's context (interrupt) is cancelled: elsewhere, this is
//     what ends go list (go/packages sends it an interrupt, then kills
//     it after 5 seconds);
//   - the run exits with 128 plus the signal's number, writing no report
//     (an -output file or a baseline keeps its previous content).
//
// SIGKILL cannot be caught. On Linux the command's own children are
// started with a parent-death signal and end with it; the go command
// that go/packages starts cannot be given one and finishes on its own.

// interrupt is cancelled when the run receives SIGINT or SIGTERM; it is
// never cancelled when the command runs in-process (tests, vet mode).
var interrupt = context.Background()

// stopping is set as soon as a signal arrives, before any child is ended.
var stopping atomic.Bool

// children are the process groups of the command's own running children.
var children struct {
	mu   sync.Mutex
	pids map[int]bool
}

// handleSignals makes SIGINT and SIGTERM end the run and its children.
// A second signal is not caught.
func handleSignals() {
	ctx, cancel := context.WithCancel(context.Background())
	interrupt = ctx
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		signal.Stop(ch)
		stopping.Store(true)
		// The descendants are ended before go/packages interrupts the
		// go command: a child that dies first leaves its own children
		// to init, out of reach.
		endChildren()
		cancel()
		fmt.Fprintf(os.Stderr, "secretlint: %v: stopped, no report written\n", sig)
		code := 1
		if s, ok := sig.(syscall.Signal); ok {
			code = int(s)
		}
		os.Exit(128 + code)
	}()
}

// command returns a child process of the command's own, in a process
// group of its own (and, on Linux, with a parent-death signal).
func command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.SysProcAttr = childAttr()
	return cmd
}

// runChild runs a command made by command, its process group known to
// endChildren while it runs.
func runChild(cmd *exec.Cmd) error {
	children.mu.Lock()
	if stopping.Load() {
		children.mu.Unlock()
		waitIfInterrupted()
	}
	err := cmd.Start()
	if err == nil {
		if children.pids == nil {
			children.pids = map[int]bool{}
		}
		children.pids[cmd.Process.Pid] = true
	}
	children.mu.Unlock()
	if err != nil {
		return err
	}
	err = cmd.Wait()
	children.mu.Lock()
	delete(children.pids, cmd.Process.Pid)
	children.mu.Unlock()
	waitIfInterrupted()
	return err
}

// waitIfInterrupted blocks for good once the run is interrupted: the
// signal handler ends the children and exits, and the error of a child
// it ended, or a report made of what was loaded so far, must not come
// first.
func waitIfInterrupted() {
	if stopping.Load() {
		select {}
	}
}

// endChildren ends the process groups of the command's own children,
// then, where the system tells, every other descendant.
func endChildren() {
	children.mu.Lock()
	for pid := range children.pids {
		endGroup(pid)
	}
	children.mu.Unlock()
	endDescendants()
}
