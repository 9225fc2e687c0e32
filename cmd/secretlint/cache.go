package main

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/awsguard/secretlint/internal/atomicfile"
	"github.com/awsguard/secretlint/internal/finding"
)

// The findings cache keeps what the analysis of a Go package directory
// produced, keyed on everything the analysis reads (see gocache.go), so
// that a repeated run analyses only what changed, as go vet and
// golangci-lint do. It lives in $SECRETLINT_CACHE, else in
// secretlint/ under the user cache directory (os.UserCacheDir);
// SECRETLINT_CACHE=off or -no-cache turns it off, and `secretlint cache
// clean` empties it. Entries hold what the output holds: findings and
// problems with redacted text, never a secret. Entries not used for
// cacheMaxAge are removed, at most once a day.

// cacheEnv names the environment variable that sets the cache directory.
const cacheEnv = "SECRETLINT_CACHE"

// cacheFormat changes when the layout or meaning of the entries changes.
const cacheFormat = "secretlint-cache-v1"

// cacheMaxAge is how long an entry that no run uses stays in the cache.
const cacheMaxAge = 7 * 24 * time.Hour

// cacheDir returns the cache directory, or "" when the cache is off.
func cacheDir() string {
	switch d := os.Getenv(cacheEnv); d {
	case "off":
		return ""
	case "":
	default:
		abs, err := filepath.Abs(d)
		if err != nil {
			return ""
		}
		return abs
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "secretlint")
}

// cacheEntry is what the cache keeps for one key.
type cacheEntry struct {
	Findings []finding.Finding `json:"findings,omitempty"`
	Problems []finding.Problem `json:"problems,omitempty"`
}

// fileCache is a directory of entries, one file each, named by key.
type fileCache struct{ dir string }

func (c *fileCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// get returns the entry of a key. A used entry has its time refreshed
// (at most once an hour), so that trimming keeps it.
func (c *fileCache) get(key string) (cacheEntry, bool) {
	var e cacheEntry
	name := c.path(key)
	data, err := os.ReadFile(name)
	if err != nil || json.Unmarshal(data, &e) != nil {
		return e, false
	}
	if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > time.Hour {
		now := time.Now()
		_ = os.Chtimes(name, now, now)
	}
	return e, true
}

// put stores an entry; a failure leaves the cache without it.
func (c *fileCache) put(key string, e cacheEntry) {
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	name := c.path(key)
	if os.MkdirAll(filepath.Dir(name), 0o755) != nil {
		return
	}
	_ = atomicfile.Write(name, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// trim removes the entries unused for cacheMaxAge, at most once a day.
func (c *fileCache) trim() {
	mark := filepath.Join(c.dir, "trim.txt")
	if st, err := os.Stat(mark); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	if os.MkdirAll(c.dir, 0o755) != nil || os.WriteFile(mark, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644) != nil {
		return
	}
	cutoff := time.Now().Add(-cacheMaxAge)
	_ = filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return nil //nolint:nilerr // an unreadable part of the cache is left alone
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			_ = os.Remove(p)
		}
		return nil
	})
}

// runCache runs `secretlint cache clean` and `secretlint cache dir`.
func runCache(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || (args[0] != "clean" && args[0] != "dir") {
		fmt.Fprintln(stderr, "usage: secretlint cache clean|dir")
		return exitError
	}
	dir := cacheDir()
	if args[0] == "dir" {
		if dir == "" {
			fmt.Fprintln(stdout, "off")
		} else {
			fmt.Fprintln(stdout, dir)
		}
		return exitClean
	}
	if dir == "" {
		return exitClean
	}
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintf(stderr, "secretlint: cache clean: %v\n", err)
		return exitError
	}
	return exitClean
}

// toolID identifies this executable: the Go build ID, which changes
// whenever the binary does, or else a hash of the whole file. A rebuilt
// secretlint never reuses the entries of another build.
var toolID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if id := elfBuildID(exe); id != "" {
		return "go-build-id " + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil))
})

// elfBuildID reads the Go build ID note of an ELF executable; "" when
// there is none (another format, or a build with -buildid=).
func elfBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	data, err := sec.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	nameSize := binary.LittleEndian.Uint32(data[0:4])
	descSize := binary.LittleEndian.Uint32(data[4:8])
	if f.ByteOrder == binary.BigEndian {
		nameSize = binary.BigEndian.Uint32(data[0:4])
		descSize = binary.BigEndian.Uint32(data[4:8])
	}
	if nameSize != 4 || !bytes.Equal(data[12:16], []byte("Go\x00\x00")) || uint64(len(data)) < 16+uint64(descSize) {
		return ""
	}
	return string(data[16 : 16+descSize])
}
