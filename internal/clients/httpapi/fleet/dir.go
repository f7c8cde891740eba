// Package fleet is what the provider processes of one machine share
// through files: the token buckets that keep every process using one vendor
// key under that vendor's documented limit together, and a lock per cache
// entry so that one process reads a listing while the others wait for its
// copy. Files are changed under OS file locks (github.com/gofrs/flock),
// which die with their process, so a crashed process never holds one.
//
// Every file is hostile until checked: the folder must be this user's and
// closed to other users' writes; a file that is a symlink, another user's,
// open to other users' writes or garbage is ignored with a warning and the
// state starts afresh. No file holds a key or anything reversible to one:
// file names are an HMAC of what they stand for, keyed with a secret of the
// folder's own, so a name is no offline oracle for a guessed key.
package fleet

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// secretName is the folder's HMAC secret; secretSize its length.
const (
	secretName = "secret"
	secretSize = 32
	// idleAge is when a bucket or lock file is a leftover: a bucket idle
	// that long is full again, which is what a missing file means.
	idleAge = 24 * time.Hour
)

// Dir is a folder of bucket and lock files shared by processes.
type Dir struct {
	path   string
	secret []byte
	// Warn reports a file that was ignored; nil drops the warning.
	Warn func(msg string)
	// OnWait, when set, is called as a lock is found held by another
	// process and the wait for it begins.
	OnWait func()
}

// Open makes path (mode 0700) if needed, checks that it is this user's
// and closed to other users' writes, and reads (or creates) its secret;
// warn (nil: none) reports a file ignored, then and later.
func Open(path string, warn func(msg string)) (*Dir, error) {
	if err := os.MkdirAll(path, 0o700); err != nil {
		return nil, fmt.Errorf("fleet: cannot create the folder %s: %w", path, err)
	}
	info, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("fleet: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("fleet: %s is not a folder", path)
	}
	if err := checkOwn(info); err != nil {
		return nil, fmt.Errorf("fleet: the folder %s is %s", path, err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		// Ours and closed to others' writes, but readable: close it.
		_ = os.Chmod(path, 0o700)
	}
	d := &Dir{path: path, Warn: warn}
	if d.secret, err = d.loadSecret(); err != nil {
		return nil, err
	}
	d.trim()
	return d, nil
}

// Path is the folder.
func (d *Dir) Path() string { return d.path }

func (d *Dir) warn(format string, args ...any) {
	if d.Warn != nil {
		d.Warn(fmt.Sprintf(format, args...))
	}
}

// name is the file stem for what parts stand for: a keyed hash, so neither
// a key nor a hash of one reaches the file system.
func (d *Dir) name(kind string, parts ...string) string {
	m := hmac.New(sha256.New, d.secret)
	m.Write([]byte(kind))
	for _, p := range parts {
		m.Write([]byte{0})
		m.Write([]byte(p))
	}
	return kind + "-" + hex.EncodeToString(m.Sum(nil)[:16])
}

// loadSecret reads the folder's secret; a missing one is created, and one
// that cannot be trusted is replaced (which only renames every file: the
// state starts afresh).
func (d *Dir) loadSecret() ([]byte, error) {
	path := filepath.Join(d.path, secretName)
	b, err := readOwnFile(path, secretSize+1)
	switch {
	case err == nil && len(b) == secretSize:
		return b, nil
	case err == nil:
		d.warn("fleet: the secret %s holds %d bytes, not %d; replaced", path, len(b), secretSize)
	case !errors.Is(err, os.ErrNotExist):
		d.warn("fleet: the secret %s is not used: %s; replaced", path, err)
	}
	secret := make([]byte, secretSize)
	if _, err := io.ReadFull(rand.Reader, secret); err != nil {
		return nil, fmt.Errorf("fleet: %w", err)
	}
	// Another process may create it at the same moment: the first link
	// wins and both use the file as it is then.
	if err := writeFile(d.path, path, secret, errors.Is(err, os.ErrNotExist)); err != nil {
		return nil, fmt.Errorf("fleet: cannot write the secret in %s: %w", d.path, err)
	}
	b, err = readOwnFile(path, secretSize+1)
	if err != nil || len(b) != secretSize {
		return nil, fmt.Errorf("fleet: the secret %s cannot be read back", path)
	}
	return b, nil
}

// writeFile writes b to path through a temporary file of mode 0600:
// linked (never replacing a file another process wrote first) when
// exclusive, renamed over what is there otherwise (a symlink is replaced,
// never followed).
func writeFile(dir, path string, b []byte, exclusive bool) error {
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if exclusive {
		if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, os.ErrExist) {
			return err
		}
		return nil
	}
	return os.Rename(tmp.Name(), path)
}

// readOwnFile reads at most limit bytes of a regular file of this user's,
// not writable by others, without following a symlink.
func readOwnFile(path string, limit int64) ([]byte, error) {
	f, err := openNoFollow(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if err := checkOwn(info); err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(f, limit))
}

// trim removes bucket and lock files idle for a day, and temporary files
// a process left when it died while writing: a missing bucket is a full
// one, which an idle one is too.
func (d *Dir) trim() {
	entries, err := os.ReadDir(d.path)
	if err != nil {
		return
	}
	for i, e := range entries {
		if i >= 4096 {
			return // bounded work per process; the next one goes on
		}
		name := e.Name()
		if !strings.HasPrefix(name, ".tmp-") && !strings.HasPrefix(name, bucketKind+"-") && !strings.HasPrefix(name, entryKind+"-") {
			continue
		}
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > idleAge {
			os.Remove(filepath.Join(d.path, name))
		}
	}
}
