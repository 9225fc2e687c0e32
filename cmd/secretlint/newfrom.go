package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"strconv"
	"strings"

	"github.com/awsguard/secretlint/internal/finding"
)

// changedLines maps a slash path (relative to the working directory) to
// the new-side lines a change touched; a nil set means the whole file.
type changedLines map[string]map[int]bool

// keep reports whether a finding lies on a changed line.
func (c changedLines) keep(f finding.Finding) bool {
	lines, ok := c[f.File]
	if !ok {
		return false
	}
	if lines == nil {
		return true
	}
	last := max(f.EndLine, f.Line)
	for l := f.Line; l <= last; l++ {
		if lines[l] {
			return true
		}
	}
	return false
}

// parsePatch reads a unified diff (git diff or diff -u output). prefix is
// the working directory's path inside the repository (git rev-parse
// --show-prefix), stripped from the diff's repository-relative paths.
func parsePatch(r io.Reader, prefix string) (changedLines, error) {
	c := changedLines{}
	var file string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if i := strings.IndexByte(name, '\t'); i >= 0 {
				name = name[:i]
			}
			if name == "/dev/null" {
				file = ""
				continue
			}
			name = strings.TrimPrefix(name, "b/")
			name = path.Clean(name)
			if prefix != "" {
				rel, ok := strings.CutPrefix(name, strings.TrimSuffix(prefix, "/")+"/")
				if !ok {
					file = ""
					continue
				}
				name = rel
			}
			file = name
			if _, ok := c[file]; !ok {
				c[file] = map[int]bool{}
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			// @@ -a,b +c,d @@
			fields := strings.Fields(line)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
				return nil, fmt.Errorf("malformed hunk header %q", line)
			}
			start, count := fields[2][1:], "1"
			if s, n, ok := strings.Cut(start, ","); ok {
				start, count = s, n
			}
			from, err1 := strconv.Atoi(start)
			n, err2 := strconv.Atoi(count)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("malformed hunk header %q", line)
			}
			for l := from; l < from+n; l++ {
				c[file][l] = true
			}
		}
	}
	return c, sc.Err()
}

// changedSince returns the lines changed in the working tree since rev, and
// every line of untracked files.
func changedSince(rev string) (changedLines, error) {
	prefix, err := git("rev-parse", "--show-prefix")
	if err != nil {
		return nil, err
	}
	prefix = strings.TrimSpace(prefix)
	diff, err := git("diff", "--no-color", "--no-ext-diff", "-U0", "--relative="+prefix, "--end-of-options", rev, "--")
	if err != nil {
		return nil, err
	}
	c, err := parsePatch(strings.NewReader(diff), "")
	if err != nil {
		return nil, err
	}
	untracked, err := git("ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	for _, f := range strings.Split(untracked, "\x00") {
		if f != "" {
			c[f] = nil
		}
	}
	return c, nil
}

func changedInPatch(name string) (changedLines, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	prefix := ""
	if p, err := git("rev-parse", "--show-prefix"); err == nil {
		prefix = strings.TrimSpace(p)
	}
	return parsePatch(bytes.NewReader(data), prefix)
}

func git(args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	// Paths come unquoted (core.quotePath=false): non-ASCII names match.
	cmd := exec.Command("git", append([]string{"-c", "core.quotePath=false"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
