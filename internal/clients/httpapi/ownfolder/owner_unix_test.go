//go:build unix

package ownfolder

import (
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// statInfo is a FileInfo as os.Stat returns it on unix, for any owner.
type statInfo struct {
	mode fs.FileMode
	uid  uint32
}

func (s statInfo) Name() string       { return "entry" }
func (s statInfo) Size() int64        { return 1 }
func (s statInfo) Mode() fs.FileMode  { return s.mode }
func (s statInfo) ModTime() time.Time { return time.Time{} }
func (s statInfo) IsDir() bool        { return s.mode.IsDir() }
func (s statInfo) Sys() any           { return &syscall.Stat_t{Uid: s.uid} }

func TestAnotherUsersFolderOrEntryIsNotTrusted(t *testing.T) {
	t.Parallel()
	me, other := uint32(os.Getuid()), uint32(os.Getuid()+1)
	tests := []struct {
		name  string
		check func() error
		want  string // "" when trusted
	}{
		{"our folder of mode 0700 is trusted", func() error { return CheckFolder("/c", statInfo{fs.ModeDir | 0o700, me}) }, ""},
		{"another user's folder is refused", func() error { return CheckFolder("/c", statInfo{fs.ModeDir | 0o700, other}) }, "belongs to user"},
		{"a group-writable folder is refused", func() error { return CheckFolder("/c", statInfo{fs.ModeDir | 0o770, me}) }, "writable by other users"},
		{"our entry of mode 0600 is trusted", func() error { return CheckFile(statInfo{0o600, me}) }, ""},
		{"another user's entry is ignored", func() error { return CheckFile(statInfo{0o600, other}) }, "written by user"},
		{"a world-writable entry is ignored", func() error { return CheckFile(statInfo{0o606, me}) }, "writable by other users"},
		{"a folder where an entry should be is ignored", func() error { return CheckFile(statInfo{fs.ModeDir | 0o700, me}) }, "not a regular file"},
	}
	for _, tt := range tests {
		err := tt.check()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want an error holding %q", tt.name, err, tt.want)
		}
	}
}
