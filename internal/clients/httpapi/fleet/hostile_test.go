package fleet

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gofrs/flock"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/ownfolder"
)

// openWarned opens a Dir whose warnings are collected.
func openWarned(t *testing.T, path string) (*Dir, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var warnings []string
	d, err := Open(path, func(m string) { mu.Lock(); warnings = append(warnings, m); mu.Unlock() })
	if err != nil {
		t.Fatal(err)
	}
	return d, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), warnings...) }
}

// stateFile is the path of b's state file.
func stateFile(b *Bucket) string { return filepath.Join(b.dir.path, b.stem+".json") }

func TestABucketFileThatCannotBeTrustedIsIgnoredWithAWarning(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		plant   func(t *testing.T, path string)
		warning string
	}{
		{"garbage", func(t *testing.T, p string) { write(t, p, "\x00\xffnot json", 0o600) }, "ignored"},
		{"a queue a day long", func(t *testing.T, p string) {
			write(t, p, `{"format":1,"limits":[{"per_second":1,"burst":5,"tokens":-86400,"at":1}]}`, 0o600)
		}, "out of range"},
		{"a hold until the year 2100", func(t *testing.T, p string) {
			write(t, p, `{"format":1,"limits":[{"per_second":1,"burst":5,"tokens":5,"at":1}],"hold_until":4102444800000000000}`, 0o600)
		}, "hold"},
		{"a time in the future", func(t *testing.T, p string) {
			write(t, p, `{"format":1,"limits":[{"per_second":1,"burst":5,"tokens":5,"at":4102444800000000000}]}`, 0o600)
		}, "future"},
		{"not a number of tokens", func(t *testing.T, p string) {
			write(t, p, `{"format":1,"limits":[{"per_second":1,"burst":5,"tokens":"NaN","at":1}]}`, 0o600)
		}, "ignored"},
		{"a file other users may write", func(t *testing.T, p string) {
			write(t, p, `{"format":1,"limits":[{"per_second":1,"burst":5,"tokens":-3000,"at":1}]}`, 0o666)
		}, "writable by other users"},
		{"a megabyte", func(t *testing.T, p string) { write(t, p, strings.Repeat(" ", 1<<20), 0o600) }, "over"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, warnings := openWarned(t, t.TempDir())
			b := d.Bucket(testLimits, "vendor", "base", "key")
			tt.plant(t, stateFile(b))
			wait, err := b.Reserve(fixedNow)
			if err != nil {
				t.Fatalf("Reserve: %v", err)
			}
			if wait != 0 {
				t.Errorf("the first request waits %s, want 0: a full, fresh bucket", wait)
			}
			if w := warnings(); len(w) != 1 || !strings.Contains(w[0], tt.warning) {
				t.Errorf("warnings = %q, want one saying %q", w, tt.warning)
			}
		})
	}
}

func write(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
}

func TestASymlinkedBucketFileIsReplacedNeverFollowed(t *testing.T) {
	t.Parallel()
	d, warnings := openWarned(t, t.TempDir())
	b := d.Bucket(testLimits, "vendor", "base", "key")
	target := filepath.Join(t.TempDir(), "precious")
	write(t, target, `{"format":1,"limits":[{"per_second":1,"burst":5,"tokens":-100,"at":1}]}`, 0o600)
	if err := os.Symlink(target, stateFile(b)); err != nil {
		t.Fatal(err)
	}
	if wait, err := b.Reserve(fixedNow); err != nil || wait != 0 {
		t.Fatalf("Reserve = %s, %v; want no wait from the linked file's state", wait, err)
	}
	if got, _ := os.ReadFile(target); !strings.Contains(string(got), "-100") {
		t.Errorf("the symlink's target was written: %s", got)
	}
	if w := warnings(); len(w) != 1 || !strings.Contains(w[0], "symlink") {
		t.Errorf("warnings = %q, want one naming the symlink", w)
	}
}

func TestALockFileThatCannotBeTrustedIsNotUsed(t *testing.T) {
	t.Parallel()
	t.Run("a symlink", func(t *testing.T) {
		t.Parallel()
		d, warnings := openWarned(t, t.TempDir())
		target := filepath.Join(t.TempDir(), "elsewhere")
		write(t, target, "", 0o600)
		if err := os.Symlink(target, filepath.Join(d.path, d.name(entryKind, "vendor", "plans")+".lock")); err != nil {
			t.Fatal(err)
		}
		if _, _, err := d.LockEntry(context.Background(), "vendor", "plans"); err == nil {
			t.Fatal("a symlinked lock file was locked")
		}
		if w := warnings(); len(w) != 1 || !strings.Contains(w[0], "symlink") {
			t.Errorf("warnings = %q, want one naming the symlink", w)
		}
	})
	t.Run("a file other users may write", func(t *testing.T) {
		t.Parallel()
		d, warnings := openWarned(t, t.TempDir())
		write(t, filepath.Join(d.path, d.name(entryKind, "vendor", "plans")+".lock"), "", 0o666)
		if _, _, err := d.LockEntry(context.Background(), "vendor", "plans"); err == nil {
			t.Fatal("a lock file open to other users was used")
		}
		if w := warnings(); len(w) != 1 || !strings.Contains(w[0], "writable by other users") {
			t.Errorf("warnings = %q, want one saying so", w)
		}
	})
}

func TestABucketLockHeldForeverIsAnErrorNotAStall(t *testing.T) {
	t.Parallel()
	d, _ := openWarned(t, t.TempDir())
	b := d.Bucket(testLimits, "vendor", "base", "key")
	holder := flock.New(filepath.Join(d.path, b.stem+".lock"))
	if ok, err := holder.TryLock(); !ok || err != nil {
		t.Fatalf("TryLock = %v, %v", ok, err)
	}
	defer func() { _ = holder.Unlock() }()
	if _, err := b.Reserve(fixedNow); err == nil {
		t.Fatal("Reserve succeeded while another holder kept the lock")
	}
}

func TestAnEntryLockWaitEndsWithItsContext(t *testing.T) {
	t.Parallel()
	d, _ := openWarned(t, t.TempDir())
	unlock, waited, err := d.LockEntry(context.Background(), "vendor", "plans")
	if err != nil || waited {
		t.Fatalf("LockEntry = %v, %v", waited, err)
	}
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, _, err := d.LockEntry(ctx, "vendor", "plans")
		done <- err
	}()
	cancel()
	if err := <-done; err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestNoFileOfTheFolderHoldsTheKey(t *testing.T) {
	t.Parallel()
	const key = "pgk-live-0123456789abcdef"
	dir := t.TempDir()
	d, _ := openWarned(t, dir)
	if _, err := d.Bucket(testLimits, "vendor", "base", key).Reserve(fixedNow); err != nil {
		t.Fatal(err)
	}
	unlock, _, err := d.LockEntry(context.Background(), "vendor", "plans", key)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		for _, s := range []string{e.Name(), string(b)} {
			if strings.Contains(s, key) || strings.Contains(s, "0123456789abcdef") {
				t.Errorf("%s holds the key", e.Name())
			}
		}
		info, _ := e.Info()
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %04o, want 0600", e.Name(), info.Mode().Perm())
		}
	}
	if info, _ := os.Stat(dir); info.Mode().Perm()&0o077 != 0 {
		t.Errorf("the folder has mode %04o, want 0700", info.Mode().Perm())
	}
}

func TestAFolderOpenToOtherUsersIsRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, nil); err == nil || !strings.Contains(err.Error(), "writable by other users") {
		t.Errorf("Open = %v, want the folder refused", err)
	}
}

func TestASecretThatCannotBeTrustedIsReplacedWithAWarning(t *testing.T) {
	t.Parallel()
	for name, plant := range map[string]func(t *testing.T, path string){
		"garbage of the wrong length": func(t *testing.T, p string) { write(t, p, "short", 0o600) },
		"open to other users' writes": func(t *testing.T, p string) { write(t, p, strings.Repeat("k", ownfolder.SecretSize), 0o666) },
		"a symlink": func(t *testing.T, p string) {
			target := filepath.Join(t.TempDir(), "secret")
			write(t, target, strings.Repeat("k", ownfolder.SecretSize), 0o600)
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			plant(t, filepath.Join(dir, secretName))
			d, warnings := openWarned(t, dir)
			if len(d.secret) != ownfolder.SecretSize || string(d.secret) == strings.Repeat("k", ownfolder.SecretSize) {
				t.Errorf("the planted secret is used")
			}
			if w := warnings(); len(w) != 1 || !strings.Contains(w[0], "replaced") {
				t.Errorf("warnings = %q, want one saying the secret was replaced", w)
			}
		})
	}
}
