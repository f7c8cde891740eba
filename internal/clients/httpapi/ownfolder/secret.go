package ownfolder

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

// SecretSize is the length of a folder's secret.
const SecretSize = 32

// Secret is a folder's own random key. A hash keyed with it is no offline
// oracle: without the folder, a guess cannot be checked against it.
type Secret []byte

// Hash is the HMAC-SHA256 of parts, in hex; a zero byte stands between
// parts, so ("ab", "c") and ("a", "bc") differ.
func (s Secret) Hash(parts ...string) string {
	m := hmac.New(sha256.New, s)
	for i, p := range parts {
		if i > 0 {
			m.Write([]byte{0})
		}
		m.Write([]byte(p)) // a hash never fails to write
	}
	return hex.EncodeToString(m.Sum(nil))
}

// LoadSecret reads the secret in dir's file name, or makes one. The file is
// hostile until checked: one that is not a regular file of ours, closed to
// other users and SecretSize bytes long is replaced by a fresh secret, and
// replaced says what it was ("" when nothing was replaced); whatever was
// keyed with the old secret is then simply not found.
func LoadSecret(dir, name string) (secret Secret, replaced string, err error) {
	path := filepath.Join(dir, name)
	for range 2 {
		secret, reason := readSecret(path)
		switch {
		case secret != nil:
			return secret, replaced, nil
		case reason != "":
			replaced = reason
			if err := os.RemoveAll(path); err != nil {
				return nil, "", fmt.Errorf("remove the unusable secret %s: %w", path, err)
			}
		}
		secret, err := createSecret(path)
		if err == nil || !errors.Is(err, os.ErrExist) {
			return secret, replaced, err
		}
		// Another process made it first: read theirs.
	}
	return nil, "", fmt.Errorf("the folder secret %s keeps changing", path)
}

// readSecret is path's secret; (nil, "") when there is none, (nil, reason)
// when the file there cannot be trusted.
func readSecret(path string) (Secret, string) {
	f, err := OpenNoFollow(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, ""
	case err != nil:
		return nil, err.Error()
	}
	defer f.Close()
	info, err := f.Stat()
	if err == nil {
		err = CheckFile(info)
	}
	switch {
	case err != nil:
		return nil, err.Error()
	case openToOthers(info, othersAny):
		return nil, fmt.Sprintf("open to other users (mode %04o)", info.Mode().Perm())
	case info.Size() != SecretSize:
		return nil, fmt.Sprintf("%d bytes, not %d", info.Size(), SecretSize)
	}
	secret := make(Secret, SecretSize)
	if _, err := io.ReadFull(f, secret); err != nil {
		return nil, err.Error()
	}
	return secret, ""
}

// createSecret writes a fresh secret to path, never replacing one another
// process wrote meanwhile (os.ErrExist).
func createSecret(path string) (Secret, error) {
	secret := make(Secret, SecretSize)
	if _, err := rand.Read(secret); err != nil {
		return nil, fmt.Errorf("make the folder secret: %w", err)
	}
	if err := WriteFile(path, secret, Exclusive|Synced); err != nil {
		return nil, fmt.Errorf("write the folder secret %s: %w", path, err)
	}
	return secret, nil
}
