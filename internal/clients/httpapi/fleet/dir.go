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
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/ownfolder"
)

const (
	// secretName is the folder's HMAC secret.
	secretName = "secret"
	// idleAge is when a bucket or lock file is a leftover: a bucket idle
	// that long is full again, which is what a missing file means.
	idleAge = 24 * time.Hour
)

// Dir is a folder of bucket and lock files shared by processes.
type Dir struct {
	path   string
	secret ownfolder.Secret
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
	info, err := ownfolder.Make(path)
	if err != nil {
		return nil, fmt.Errorf("fleet: %w", err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		// Ours and closed to others' writes, but readable: close it.
		_ = os.Chmod(path, 0o700)
	}
	d := &Dir{path: path, Warn: warn}
	secret, replaced, err := ownfolder.LoadSecret(path, secretName)
	if err != nil {
		return nil, fmt.Errorf("fleet: %w", err)
	}
	if replaced != "" {
		// Only every file's name changes: the state starts afresh.
		d.warn("fleet: the secret %s is not used: %s; replaced", filepath.Join(path, secretName), replaced)
	}
	d.secret = secret
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
	return kind + "-" + d.secret.Hash(append([]string{kind}, parts...)...)[:32]
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
