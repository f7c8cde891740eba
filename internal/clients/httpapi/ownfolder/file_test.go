package ownfolder

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestReadFileRefusesWhatIsNotABoundedRegularFileOfOurs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		plant func(t *testing.T, path string)
		want  string
		unix  bool // mode bits mean something only there
	}{
		{"a symlink is never followed", func(t *testing.T, p string) {
			target := filepath.Join(t.TempDir(), "target")
			plant(t, target, []byte("elsewhere"), 0o600)
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		}, "a symlink, which is never followed", false},
		{"a folder is not a file", func(t *testing.T, p string) {
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file", false},
		{"a file other users may write is refused", func(t *testing.T, p string) { plant(t, p, []byte("x"), 0o666) }, "writable by other users (mode 0666)", true},
		{"a file over the bound is refused", func(t *testing.T, p string) { plant(t, p, make([]byte, 17), 0o600) }, "17 bytes, over the 16 it may hold", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.unix && runtime.GOOS == "windows" {
				t.Skip("mode bits say nothing of other users here")
			}
			path := filepath.Join(t.TempDir(), "file")
			tt.plant(t, path)
			b, err := ReadFile(path, 16)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadFile = %q, %v; want an error saying %q", b, err, tt.want)
			}
		})
	}
	t.Run("a missing file is os.ErrNotExist", func(t *testing.T) {
		t.Parallel()
		if _, err := ReadFile(filepath.Join(t.TempDir(), "none"), 16); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("err = %v, want os.ErrNotExist", err)
		}
	})
	t.Run("a file of ours within the bound is read whole", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join(t.TempDir(), "file")
		plant(t, path, make([]byte, 16), 0o600)
		if b, err := ReadFile(path, 16); err != nil || len(b) != 16 {
			t.Errorf("ReadFile = %d bytes, %v; want 16", len(b), err)
		}
	})
}

func TestWriteFileReplacesAtomicallyOrNeverWhenExclusive(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "file")
	for _, flags := range []Flag{0, Synced} {
		if err := WriteFile(path, []byte("first"), flags); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(path, []byte("other"), Exclusive|Synced); !errors.Is(err, os.ErrExist) {
		t.Errorf("an exclusive write over a file: %v, want os.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("the file holds %q after an exclusive write failed, want %q", b, "first")
	}
	target := filepath.Join(t.TempDir(), "precious")
	plant(t, target, []byte("precious"), 0o600)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), 0); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); !bytes.Equal(b, []byte("precious")) {
		t.Errorf("a write through a symlink reached its target: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		info, err := os.Lstat(filepath.Join(dir, e.Name()))
		if err != nil || !info.Mode().IsRegular() || (runtime.GOOS != "windows" && info.Mode().Perm() != 0o600) {
			t.Errorf("%s: %v, %v; want a regular file of mode 0600 (and no temporary file left)", e.Name(), info, err)
		}
	}
	if len(entries) != 2 {
		t.Errorf("the folder holds %d files, want file and link: a temporary file was left", len(entries))
	}
}

func TestMakeCreatesAClosedFolderAndRefusesAnOpenOne(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "a", "b")
	info, err := Make(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !info.IsDir() || (runtime.GOOS != "windows" && info.Mode().Perm() != 0o700) {
		t.Errorf("the new folder is %v, want a folder of mode 0700", info.Mode())
	}
	file := filepath.Join(base, "file")
	plant(t, file, nil, 0o600)
	if _, err := Make(file); err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
		t.Errorf("Make(a file) = %v, want it refused as a file", err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := Make(dir); err == nil || !strings.Contains(err.Error(), "writable by other users (mode 0777); make it 0700") {
		t.Errorf("Make(a folder of mode 0777) = %v, want it refused", err)
	}
}
