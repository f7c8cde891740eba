// Package snapshot keeps whole vendor reads on disk between Terraform runs:
// one file per read, written atomically, checked when read back. It knows
// nothing of vendors or HTTP: an entry is a key and the pages of one read.
//
// Every file is treated as hostile when read: an entry that is not a
// regular file of ours (a symlink, another user's), does not parse, has
// another format version, fails its checksum or holds another key than the
// one it is looked up by is ignored with a reason, never trusted.
package snapshot

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/ownfolder"
)

const (
	// FormatVersion is the version of the entry files; an entry of
	// another version is ignored and read again.
	FormatVersion = 2
	// DefaultMaxBytes bounds the folder: past it, the oldest entries go.
	DefaultMaxBytes = 512 << 20
	// MaxEntryBytes bounds one entry file, read or written: the largest
	// listing the provider reads (192 MiB of responses) fits, encoded.
	MaxEntryBytes = 288 << 20
	// entrySuffix names the entry files; nothing else in the folder is
	// read, counted or removed.
	entrySuffix = ".snapshot.json"
)

// Key identifies one read: who asked (vendor, base URL, the credential's
// hash and the settings that change the answers) and what (the read).
type Key struct {
	Vendor         string `json:"vendor"`
	BaseURL        string `json:"base_url"`
	Read           string `json:"read"`
	Scope          string `json:"scope,omitempty"`
	CredentialHash string `json:"credential_hmac"`
}

// fileName is the entry's file name: a hash of the whole key, so no key
// field reaches the file system as a name.
func (k Key) fileName() string { return k.Name() + entrySuffix }

// Page is one response of a read, with the validators the vendor sent.
type Page struct {
	URL          string `json:"url"`
	Body         []byte `json:"body"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Entry is one whole read: every page of a listing, or one item.
type Entry struct {
	Key       Key       `json:"key"`
	FetchedAt time.Time `json:"fetched_at"`
	Pages     []Page    `json:"pages"`
}

// Age is how old the entry's data is at now.
func (e Entry) Age(now time.Time) time.Duration { return now.Sub(e.FetchedAt) }

// file is the on-disk form: the content's checksum is over its exact bytes.
type file struct {
	Format   int             `json:"format"`
	Checksum string          `json:"sha256"`
	Content  json.RawMessage `json:"content"`
}

// Store is a folder of entries.
type Store struct {
	dir       string
	maxBytes  int64
	folderKey ownfolder.Secret // keys CredentialHash
	warning   string           // what was wrong with the folder's secret, if anything
}

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// Open makes dir (mode 0700) if needed and checks that it can hold entries:
// a folder, ours, writable, not open to other users. maxBytes bounds the
// folder (0: DefaultMaxBytes).
func Open(dir string, maxBytes int64) (*Store, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if _, err := ownfolder.Make(dir); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	probe, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return nil, fmt.Errorf("snapshot: the folder %s is not writable: %w", dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	key, warning, err := loadFolderKey(dir)
	if err != nil {
		return nil, err
	}
	return &Store{dir: dir, maxBytes: maxBytes, folderKey: key, warning: warning}, nil
}

// Ignored is why an entry that exists was not used; callers warn with it.
type Ignored struct {
	Path, Reason string
}

func (i *Ignored) Error() string {
	return fmt.Sprintf("ignored the cache entry %s: %s", i.Path, i.Reason)
}

// Get reads the entry of k. A missing entry is (Entry{}, false, nil); an
// entry that cannot be trusted is (Entry{}, false, *Ignored).
func (s *Store) Get(k Key) (Entry, bool, *Ignored) {
	path := filepath.Join(s.dir, k.fileName())
	ignored := func(format string, args ...any) (Entry, bool, *Ignored) {
		return Entry{}, false, &Ignored{Path: path, Reason: fmt.Sprintf(format, args...)}
	}
	b, err := ownfolder.ReadFile(path, MaxEntryBytes)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return Entry{}, false, nil
	case err != nil:
		return ignored("%v", err)
	}
	e, reason := DecodeEntry(b, k)
	if reason != "" {
		return ignored("%s", reason)
	}
	return e, true, nil
}

// Put writes e atomically (a temporary file, synced, then renamed over the
// entry), so a reader in another process sees the old entry or the new,
// never part of one; then keeps the folder within its bound.
func (s *Store) Put(e Entry) error {
	b, err := EncodeEntry(e)
	if err != nil {
		return err
	}
	final := filepath.Join(s.dir, e.Key.fileName())
	if err := ownfolder.WriteFile(final, b, ownfolder.Synced); err != nil {
		return fmt.Errorf("snapshot: write entry %s: %w", final, err)
	}
	s.trim(final)
	return nil
}

// Remove deletes k's entry; one that is already gone is no error.
func (s *Store) Remove(k Key) {
	os.Remove(filepath.Join(s.dir, k.fileName()))
}

// isEntryName reports whether a folder entry's name is one of ours.
func isEntryName(name string) bool {
	return strings.HasSuffix(name, entrySuffix) && !strings.HasPrefix(name, ".")
}
