//go:build !unix

package fleet

import (
	"fmt"
	"io/fs"
	"os"
)

// This platform has no O_NOFOLLOW: a symlink is refused by Lstat first.
const noFollow = 0

func openNoFollow(path string) (*os.File, error) {
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return nil, fmt.Errorf("a symlink, which is never followed")
	}
	return os.Open(path)
}

// Ownership is left to the ACLs of the user's own cache folder here.
func checkOwn(fs.FileInfo) error { return nil }
