package yamlscan

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzScan feeds the fixtures, mutated, to Scan: it must never panic (a
// recovered panic shows as an "internal error" problem) and every finding
// must lie inside the text.
func FuzzScan(f *testing.F) {
	for _, src := range fixtureFiles(f) {
		f.Add(src)
	}
	f.Add([]byte(billionLaughs(4, 4, "x")))
	sc := New(testSettings(f))
	f.Fuzz(func(t *testing.T, src []byte) {
		fs, ps := sc.Scan("f.yaml", src)
		for _, p := range ps {
			if strings.HasPrefix(p.Message, "internal error") {
				t.Fatalf("panic: %s", p.Message)
			}
		}
		// Positions are in the decoded text (UTF-16 is decoded), whose
		// lines end at LF, CRLF or a lone CR.
		text := newSource(decodeUTF16(src))
		var lines [][]byte
		for l := 1; l <= len(text.lines); l++ {
			start, end := text.lineBounds(l)
			lines = append(lines, text.src[start:end])
		}
		for _, fd := range fs {
			if fd.Line < 1 || fd.Line > len(lines) || fd.Column < 1 || fd.Column > len(lines[fd.Line-1])+1 {
				t.Fatalf("finding outside the text: %d:%d [%s]", fd.Line, fd.Column, fd.Rule)
			}
			if fd.EndColumn != 0 && (fd.EndLine != fd.Line || fd.EndColumn <= fd.Column || fd.EndColumn > len(lines[fd.Line-1])+1) {
				t.Fatalf("bad end: %d:%d-%d:%d [%s]", fd.Line, fd.Column, fd.EndLine, fd.EndColumn, fd.Rule)
			}
		}
	})
}

// BenchmarkScan scans every fixture; compare with BenchmarkBareParse, the
// yaml.v3 decoding of the same bytes alone.
func BenchmarkScan(b *testing.B) {
	files := fixtureFiles(b)
	sc := New(testSettings(b))
	benchBytes(b, files)
	for b.Loop() {
		for name, src := range files {
			sc.Scan(name, src)
		}
	}
}

// BenchmarkBareParse decodes the fixtures into yaml.Node trees and does
// nothing else.
func BenchmarkBareParse(b *testing.B) {
	files := fixtureFiles(b)
	benchBytes(b, files)
	for b.Loop() {
		bareParse(b, files)
	}
}

// benchBytes sets the bytes a benchmark processes per op.
func benchBytes(b *testing.B, files map[string][]byte) {
	var n int64
	for _, src := range files {
		n += int64(len(src))
	}
	b.SetBytes(n)
	b.ReportAllocs()
}

// bareParse decodes every document of the files into yaml.Node trees.
func bareParse(b *testing.B, files map[string][]byte) {
	for _, src := range files {
		dec := yaml.NewDecoder(bytes.NewReader(src))
		for {
			var doc yaml.Node
			if err := dec.Decode(&doc); err != nil {
				if !errors.Is(err, io.EOF) {
					b.Fatal(err)
				}
				break
			}
		}
	}
}
