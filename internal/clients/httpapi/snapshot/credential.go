package snapshot

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
)

// The credential is written only as an HMAC-SHA256 under a random secret
// of the folder: a plain SHA-256 is an offline oracle, as anyone holding a
// copied cache folder (a CI cache, say) could test guessed keys against it.
// Without the folder's secret neither that hash nor an entry's name (a
// hash of the whole key, this HMAC included) can be checked against a key.
const (
	// folderKeyName is the folder's secret; its leading dot keeps it out of
	// what is read, counted or trimmed as entries.
	folderKeyName  = ".credential-key"
	folderKeyBytes = 32
)

// CredentialHash is the folder-keyed HMAC of a credential, the only trace
// of it that is ever written: different keys can see different prices.
func (s *Store) CredentialHash(credential string) string {
	return keyedHash(s.folderKey, credential)
}

func keyedHash(key []byte, credential string) string {
	if credential == "" {
		return "none"
	}
	mac := hmac.New(sha256.New, key)
	_, _ = mac.Write([]byte(credential)) // a hash never fails to write
	return hex.EncodeToString(mac.Sum(nil))
}

// Warning is what was wrong with the folder's secret when it was opened
// (it was then replaced), or "".
func (s *Store) Warning() string { return s.warning }

// loadFolderKey reads dir's secret, or makes one. The file is hostile until
// checked: one that is not a regular file of ours, readable by others or
// not exactly folderKeyBytes long is replaced by a fresh secret, and the
// reason returned as a warning; the entries written under the old secret
// are then simply not found.
func loadFolderKey(dir string) (key []byte, warning string, err error) {
	path := filepath.Join(dir, folderKeyName)
	for range 2 {
		key, reason := readFolderKey(path)
		switch {
		case key != nil:
			return key, warning, nil
		case reason != "":
			warning = fmt.Sprintf("the cache folder's secret %s was %s; a new one was made, so entries written under the old one are read again", path, reason)
			if err := os.RemoveAll(path); err != nil {
				return nil, "", fmt.Errorf("snapshot: remove the unusable secret %s: %w", path, err)
			}
		}
		key, err := createFolderKey(dir, path)
		if err == nil || !errors.Is(err, os.ErrExist) {
			return key, warning, err
		}
		// Another process made it first: read theirs.
	}
	return nil, "", fmt.Errorf("snapshot: the folder secret %s keeps changing", path)
}

// readFolderKey is path's secret; (nil, "") when there is none, (nil,
// reason) when the file there cannot be trusted.
func readFolderKey(path string) ([]byte, string) {
	f, err := openEntry(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, ""
	case err != nil:
		return nil, err.Error()
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, err.Error()
	case !info.Mode().IsRegular():
		return nil, "not a regular file"
	case info.Mode().Perm()&0o077 != 0:
		return nil, fmt.Sprintf("open to other users (mode %04o)", info.Mode().Perm())
	case info.Size() != folderKeyBytes:
		return nil, fmt.Sprintf("%d bytes, not %d", info.Size(), folderKeyBytes)
	}
	if err := checkOwnFile(info); err != nil {
		return nil, err.Error()
	}
	key := make([]byte, folderKeyBytes)
	if _, err := io.ReadFull(f, key); err != nil {
		return nil, err.Error()
	}
	return key, ""
}

// createFolderKey writes a fresh secret to path, mode 0600, atomically and
// without replacing one another process wrote meanwhile (os.ErrExist).
func createFolderKey(dir, path string) ([]byte, error) {
	key := make([]byte, folderKeyBytes)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("snapshot: make the folder secret: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-key-*")
	if err != nil {
		return nil, fmt.Errorf("snapshot: write the folder secret: %w", err)
	}
	defer os.Remove(tmp.Name())
	err = errors.Join(tmp.Chmod(0o600), writeAll(tmp, key), tmp.Sync(), tmp.Close())
	if err != nil {
		return nil, fmt.Errorf("snapshot: write the folder secret: %w", err)
	}
	// A hard link, unlike a rename, fails when the name is taken. A file
	// system without hard links gets a rename: of two processes creating
	// the secret at once, the later one wins, and the other's first entries
	// are read again.
	err = os.Link(tmp.Name(), path)
	if errors.Is(err, os.ErrExist) {
		return nil, err
	}
	if err != nil {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return nil, fmt.Errorf("snapshot: write the folder secret %s: %w", path, err)
		}
	}
	return key, nil
}

func writeAll(f *os.File, b []byte) error {
	_, err := f.Write(b)
	return err
}
