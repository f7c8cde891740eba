//go:build unix

package ownfolder

import (
	"io/fs"
	"os"
	"syscall"
)

// NoFollow keeps an open from following a symlink planted in the folder,
// for opens made elsewhere (a lock file's).
const NoFollow = syscall.O_NOFOLLOW

// OpenNoFollow opens path for reading without following a symlink.
func OpenNoFollow(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, OpenError(path, err)
	}
	return f, nil
}

// otherOwner is info's owner when that is another user.
func otherOwner(info fs.FileInfo) (uid uint32, other bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return st.Uid, int(st.Uid) != os.Getuid()
}

// openToOthers tells whether info grants other users any of mask.
func openToOthers(info fs.FileInfo, mask fs.FileMode) bool {
	return info.Mode().Perm()&mask != 0
}
