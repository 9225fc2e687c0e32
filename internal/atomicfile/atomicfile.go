// Package atomicfile writes files so that readers see the old content or
// the new, never a part: the data goes to a temporary file in the same
// directory, is synced, and replaces the file by rename. A failed write
// leaves the old file untouched; concurrent writers leave one of their
// complete outputs.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces name with what write writes. The new file keeps the mode
// of the file it replaces, or gets perm when there was none.
func Write(name string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	if st, err := os.Stat(name); err == nil {
		if !st.Mode().IsRegular() {
			// A device or FIFO (-output /dev/stdout) is written in place.
			return writeInPlace(name, write)
		}
		perm = st.Mode().Perm()
	}
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

func writeInPlace(name string, write func(io.Writer) error) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return errors.Join(write(f), f.Close())
}
