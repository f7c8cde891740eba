//go:build unix

package snapshot

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// openEntry opens an entry without following a symlink: a link planted in
// the folder is never read through.
func openEntry(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil && isSymlinkRefusal(path) {
		return nil, fmt.Errorf("a symlink, which is never followed")
	}
	return f, err
}

// isSymlinkRefusal tells an O_NOFOLLOW refusal (ELOOP) from other failures.
func isSymlinkRefusal(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// checkOwnFolder refuses a folder another user owns or may write to: its
// entries could be planted.
func checkOwnFolder(dir string, info fs.FileInfo) error {
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("snapshot: the folder %s belongs to user %d, not to this user (%d)", dir, st.Uid, os.Getuid())
	}
	if info.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("snapshot: the folder %s is writable by other users (mode %04o); make it 0700", dir, info.Mode().Perm())
	}
	return nil
}

// checkOwnFile refuses an entry written by another user.
func checkOwnFile(info fs.FileInfo) error {
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("written by user %d, not by this user (%d)", st.Uid, os.Getuid())
	}
	if info.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("writable by other users (mode %04o)", info.Mode().Perm())
	}
	return nil
}
