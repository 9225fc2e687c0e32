package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/awsguard/secretlint/internal/finding"
)

// changedLines maps a slash path (relative to the working directory) to
// the new-side lines a change touched.
type changedLines map[string]*fileChanges

// fileChanges is the new-side lines of one file that a change touched: the
// whole file, or ranges of lines.
type fileChanges struct {
	all    bool
	ranges []lineRange
}

// lineRange is the lines from, from+1, ... up to but not including to.
type lineRange struct{ from, to int }

// keep reports whether a finding lies on a changed line.
func (c changedLines) keep(f finding.Finding) bool {
	fc, ok := c[f.File]
	if !ok {
		return false
	}
	if fc.all {
		return true
	}
	last := max(f.EndLine, f.Line)
	for _, r := range fc.ranges {
		if f.Line < r.to && r.from <= last {
			return true
		}
	}
	return false
}

// parsePatch reads a unified diff (git diff or diff -u output). prefix is
// the working directory's path inside the repository (git rev-parse
// --show-prefix), stripped from the diff's repository-relative paths.
//
// Every new-side line of a hunk (added or context) counts as changed, up
// to the count its header gives; a header may claim more lines than follow
// it, so a hunk is stored as the range of the lines actually present, and
// a line that cannot be part of a hunk body ends it.
//
// Hand-written: 4-5x faster than github.com/bluekeyes/go-gitdiff v0.9.0
// with a seventh to a tenth of its allocations (BenchmarkParsePatch, 40
// files of 15 hunks: 0.91ms vs 4.6ms with context, 0.82ms vs 2.8ms for
// -U0; 1.5k vs 15k/11k allocs, 2026-12), and go-gitdiff rejects a whole
// patch when a hunk header miscounts its lines, which this parser has
// always accepted.
func parsePatch(r io.Reader, prefix string) (changedLines, error) {
	c := changedLines{}
	var file *fileChanges // nil: a file not reported (deleted, or outside prefix)
	// The hunk being read: lines of each side still to come, and its
	// new-side lines seen so far.
	var oldLeft, newLeft int
	var hunk lineRange
	endHunk := func() {
		if file != nil && hunk.to > hunk.from {
			file.ranges = append(file.ranges, hunk)
		}
		oldLeft, newLeft, hunk = 0, 0, lineRange{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20) // lines of up to 64 MiB; the buffer grows from 4 KiB
	for sc.Scan() {
		line := sc.Bytes()
		if oldLeft > 0 || newLeft > 0 {
			op := byte(' ') // an empty line is an empty context line (GNU diff)
			if len(line) > 0 {
				op = line[0]
			}
			switch op {
			case ' ', '+':
				if newLeft > 0 {
					newLeft--
					hunk.to++
				}
				if op == ' ' && oldLeft > 0 {
					oldLeft--
				}
			case '-':
				oldLeft = max(oldLeft-1, 0)
			case '\\': // \ No newline at end of file
			default:
				endHunk() // the header claimed more lines than there are
			}
			if oldLeft == 0 && newLeft == 0 {
				endHunk()
			}
			if op == ' ' || op == '+' || op == '-' || op == '\\' {
				continue
			}
		}
		switch {
		case bytes.HasPrefix(line, []byte("+++ ")):
			name := headerName(string(line[len("+++ "):]))
			file = nil
			if name == "/dev/null" {
				continue
			}
			name = strings.TrimPrefix(name, "b/")
			name = path.Clean(name)
			if prefix != "" {
				rel, ok := strings.CutPrefix(name, strings.TrimSuffix(prefix, "/")+"/")
				if !ok {
					continue
				}
				name = rel
			}
			if file = c[name]; file == nil {
				file = &fileChanges{}
				c[name] = file
			}
		case bytes.HasPrefix(line, []byte("@@ ")):
			// @@ -a,b +c,d @@
			fields := strings.Fields(string(line))
			from, n, ok := hunkRange(fields, 2, '+')
			if file != nil && !ok {
				return nil, fmt.Errorf("malformed hunk header %q", line)
			}
			_, o, _ := hunkRange(fields, 1, '-')
			oldLeft, newLeft, hunk = o, n, lineRange{from, from}
			if oldLeft == 0 && newLeft == 0 {
				endHunk()
			}
		}
	}
	endHunk()
	return c, sc.Err()
}

// headerName returns the path of a "+++ " header line without the
// "+++ ". git writes a name holding a tab, a newline, a double quote or a
// backslash (and, unless core.quotePath=false, any byte above 0x7f) as a
// C-style quoted string: "b/ta\tb.yaml", "b/\303\251.yaml"; strconv's
// escapes are a superset of git's. Otherwise the name ends at a tab,
// which GNU diff puts before a time stamp and git after a name holding a
// space.
func headerName(s string) string {
	if strings.HasPrefix(s, `"`) {
		if q, err := strconv.QuotedPrefix(s); err == nil {
			if name, err := strconv.Unquote(q); err == nil {
				return name
			}
		}
	}
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	return s
}

// hunkRange parses field i of a hunk header, sign followed by start and an
// optional ,count (1 when left out).
func hunkRange(fields []string, i int, sign byte) (start, count int, ok bool) {
	if len(fields) <= i || len(fields[i]) == 0 || fields[i][0] != sign {
		return 0, 0, false
	}
	s, n, found := strings.Cut(fields[i][1:], ",")
	if !found {
		n = "1"
	}
	start, err1 := strconv.Atoi(s)
	count, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return start, max(count, 0), true
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
			c[f] = &fileChanges{all: true}
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
	cmd := command("git", append([]string{"-c", "core.quotePath=false"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := runChild(cmd); err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
