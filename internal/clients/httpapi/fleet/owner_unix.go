//go:build unix

package fleet

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// noFollow keeps open from following a symlink planted in the folder.
const noFollow = syscall.O_NOFOLLOW

func openNoFollow(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return nil, fmt.Errorf("a symlink, which is never followed")
		}
	}
	return f, err
}

// checkOwn refuses a file or folder another user owns or may write to.
func checkOwn(info fs.FileInfo) error {
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("another user's (%d, not %d)", st.Uid, os.Getuid())
	}
	if info.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("writable by other users (mode %04o)", info.Mode().Perm())
	}
	return nil
}
