//go:build !unix

package ownfolder

import (
	"io/fs"
	"os"
)

// This platform has no O_NOFOLLOW: a symlink is refused by Lstat first.
const NoFollow = 0

// OpenNoFollow refuses a symlink and opens path for reading.
func OpenNoFollow(path string) (*os.File, error) {
	if isSymlink(path) {
		return nil, errSymlink
	}
	return os.Open(path)
}

// On this platform ownership is left to the ACLs of the user's own cache
// folder, and mode bits say nothing of other users.
func otherOwner(fs.FileInfo) (uint32, bool) { return 0, false }

func openToOthers(fs.FileInfo, fs.FileMode) bool { return false }
