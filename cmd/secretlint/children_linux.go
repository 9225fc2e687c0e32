package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// childAttr puts a child in a process group of its own and has the
// kernel send it SIGKILL when the command dies, even of SIGKILL.
// (The parent-death signal follows the thread that started the child;
// Go keeps its threads for the life of the process unless a goroutine
// locked to one exits, which this command never does.)
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// endGrace is how long descendants get to end after SIGTERM before
// SIGKILL.
const endGrace = 2 * time.Second

// endDescendants ends every live descendant of the command, found in
// /proc: SIGTERM to all of them at once (a child that dies first would
// leave its own children to init), then SIGKILL to those still alive
// after endGrace. Descendants started in the meantime are caught by the
// next look.
func endDescendants() {
	self := os.Getpid()
	signalled := map[int]bool{}
	deadline := time.Now().Add(endGrace)
	for {
		live := descendants(self)
		for pid := range signalled {
			if alive(pid) {
				live = append(live, pid) // reparented, still running
			}
		}
		if len(live) == 0 {
			return
		}
		sig := syscall.SIGTERM
		if time.Now().After(deadline) {
			sig = syscall.SIGKILL
		}
		for _, pid := range live {
			if !signalled[pid] || sig == syscall.SIGKILL {
				_ = syscall.Kill(pid, sig)
				signalled[pid] = true
			}
		}
		if sig == syscall.SIGKILL {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// descendants returns the live (not zombie) descendants of pid.
func descendants(pid int) []int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	kids := map[int][]int{}
	for _, name := range stats {
		p, ppid, state, ok := procStat(name)
		if ok && state != 'Z' && state != 'X' {
			kids[ppid] = append(kids[ppid], p)
		}
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, k := range kids[p] {
			out = append(out, k)
			queue = append(queue, k)
		}
	}
	return out
}

// alive reports whether a process exists and is not a zombie.
func alive(pid int) bool {
	_, _, state, ok := procStat("/proc/" + strconv.Itoa(pid) + "/stat")
	return ok && state != 'Z' && state != 'X'
}

// procStat reads the pid, parent pid and state of a /proc/<pid>/stat
// file: "pid (comm) state ppid ...", where comm may hold spaces and
// parentheses.
func procStat(name string) (pid, ppid int, state byte, ok bool) {
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, 0, 0, false
	}
	open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
	if open < 1 || end < open || end+4 > len(b) {
		return 0, 0, 0, false
	}
	pid, err1 := strconv.Atoi(string(bytes.TrimSpace(b[:open])))
	rest := bytes.Fields(b[end+1:])
	if err1 != nil || len(rest) < 2 || len(rest[0]) != 1 {
		return 0, 0, 0, false
	}
	ppid, err2 := strconv.Atoi(string(rest[1]))
	return pid, ppid, rest[0][0], err2 == nil
}
