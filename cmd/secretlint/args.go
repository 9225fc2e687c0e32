package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// subcommands are the words that, as the first argument that is not a flag,
// select a subcommand instead of naming a target.
var subcommands = []string{"rules", "explain", "baseline", "version", "help", "cache"}

// subcommandFlags are the flags each subcommand takes; the scan takes all.
var subcommandFlags = map[string][]string{
	"rules":   {"format", "lang", "config", "C"},
	"explain": {"lang", "config", "C"},
	"version": {},
	"help":    {},
	"cache":   {},
}

// parseAnywhere parses flags before, between and after the other arguments,
// as in `secretlint -lang ja explain hardcoded-credential` or
// `secretlint ./... -format json`. After "--" everything is an argument.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		consumed := args[:len(args)-len(left)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" && !takesValue(fs, consumed) {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// takesValue reports whether the last of the parsed arguments is the value
// of the flag before it (as in `-output --`), not the end of the flags.
func takesValue(fs *flag.FlagSet, parsed []string) bool {
	if len(parsed) < 2 {
		return false
	}
	prev := strings.TrimLeft(parsed[len(parsed)-2], "-")
	if prev == "" || strings.Contains(prev, "=") || !strings.HasPrefix(parsed[len(parsed)-2], "-") {
		return false
	}
	f := fs.Lookup(prev)
	if f == nil {
		return false
	}
	bf, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !bf.IsBoolFlag()
}

// runSubcommand runs the subcommand args[0] with the flags already parsed;
// flags the subcommand does not take are an error.
func runSubcommand(o *options, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	name, rest := args[0], args[1:]
	if allowed, ok := subcommandFlags[name]; ok {
		var bad []string
		fs.Visit(func(f *flag.Flag) {
			if !slices.Contains(allowed, f.Name) {
				bad = append(bad, "-"+f.Name)
			}
		})
		if len(bad) > 0 {
			fmt.Fprintf(stderr, "secretlint %s: flag %s does not apply to %s\n", name, strings.Join(bad, ", "), name)
			return exitError
		}
	}
	if o.dir != "" && name != "baseline" {
		if err := os.Chdir(o.dir); err != nil {
			fmt.Fprintf(stderr, "secretlint: -C: %v\n", err)
			return exitError
		}
	}
	switch name {
	case "rules":
		if len(rest) > 0 {
			fmt.Fprintf(stderr, "secretlint rules: unexpected argument %q\n", rest[0])
			return exitError
		}
		formatSet := false
		fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
		return runRules(o, formatSet, stdout, stderr)
	case "explain":
		return runExplain(o, rest, stdout, stderr)
	case "baseline":
		return runBaseline(o, rest, stdout, stderr)
	case "cache":
		return runCache(rest, stdout, stderr)
	case "version", "help":
		if len(rest) > 0 {
			fmt.Fprintf(stderr, "secretlint %s: unexpected argument %q\n", name, rest[0])
			return exitError
		}
		if name == "help" {
			usage(stdout, fs)
			return exitClean
		}
		fmt.Fprintf(stdout, "secretlint %s\n", version())
		return exitClean
	}
	return exitError
}
