package ownfolder

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ReadFile reads path, a regular file of this user's that other users may
// not write to, of at most limit bytes, without following a symlink. A
// missing file is an error that is os.ErrNotExist.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := OpenNoFollow(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := CheckFile(info); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, tooLarge(info.Size(), limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit { // it grew while read
		return nil, tooLarge(int64(len(b)), limit)
	}
	return b, nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%d bytes, over the %d it may hold", size, limit)
}

// Flag says how WriteFile writes.
type Flag int

const (
	// Exclusive never replaces a file already there (another process's):
	// the write then fails with os.ErrExist.
	Exclusive Flag = 1 << iota
	// Synced puts the bytes on disk before the file gets its name.
	Synced
)

// WriteFile writes b to path through a temporary file of mode 0600 in the
// same folder, so that a reader sees the old file or the new, never part
// of one: renamed over what is there (a symlink is replaced, never
// followed), or, Exclusive, hard-linked.
func WriteFile(path string, b []byte, flags Flag) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	err = errors.Join(tmp.Chmod(0o600), writeAll(tmp, b), syncIf(tmp, flags&Synced != 0), tmp.Close())
	if err != nil {
		return err
	}
	if flags&Exclusive == 0 {
		return os.Rename(tmp.Name(), path)
	}
	// A hard link, unlike a rename, fails when the name is taken. A file
	// system without hard links gets a rename: of two processes writing
	// at once, the later one wins.
	err = os.Link(tmp.Name(), path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func writeAll(f *os.File, b []byte) error {
	_, err := f.Write(b)
	return err
}

func syncIf(f *os.File, sync bool) error {
	if !sync {
		return nil
	}
	return f.Sync()
}
