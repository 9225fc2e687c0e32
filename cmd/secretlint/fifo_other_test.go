//go:build !unix

package main

import "errors"

// mkfifo reports that named pipes cannot be made here; the tests that
// need one skip.
func mkfifo(string) error { return errors.ErrUnsupported }
