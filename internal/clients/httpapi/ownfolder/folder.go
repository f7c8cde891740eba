// Package ownfolder is a folder of this user's, closed to other users'
// writes, and the files in it. Every file is hostile until checked: opened
// without following a symlink, a regular file of ours that other users may
// not write to, read within a bound; files are written atomically, mode
// 0600. The folder's own random secret keys the hashes that stand for what
// must never be written in the clear.
package ownfolder

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Make makes dir (mode 0700) if needed and checks that it is a folder of
// this user's that other users may not write to: they could plant files.
func Make(dir string) (fs.FileInfo, error) {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("%s is a file, not a folder", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder %s: %w", dir, err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	return info, CheckFolder(dir, info)
}

// CheckFolder refuses a folder another user owns or may write to.
func CheckFolder(dir string, info fs.FileInfo) error {
	if uid, other := otherOwner(info); other {
		return fmt.Errorf("the folder %s belongs to user %d, not to this user (%d)", dir, uid, os.Getuid())
	}
	if openToOthers(info, othersWrite) {
		return fmt.Errorf("the folder %s is writable by other users (mode %04o); make it 0700", dir, info.Mode().Perm())
	}
	return nil
}

// CheckFile refuses what is not a regular file, or one another user wrote
// or may write to.
func CheckFile(info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if uid, other := otherOwner(info); other {
		return fmt.Errorf("written by user %d, not by this user (%d)", uid, os.Getuid())
	}
	if openToOthers(info, othersWrite) {
		return fmt.Errorf("writable by other users (mode %04o)", info.Mode().Perm())
	}
	return nil
}

// Mode bits that let other users in.
const (
	othersWrite fs.FileMode = 0o022
	othersAny   fs.FileMode = 0o077
)

var errSymlink = errors.New("a symlink, which is never followed")

// OpenError is why path could not be opened: a symlink is named as one,
// where a no-follow open says only ELOOP.
func OpenError(path string, err error) error {
	if isSymlink(path) {
		return errSymlink
	}
	return err
}

func isSymlink(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}
