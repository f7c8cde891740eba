package ownfolder

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// plant writes b to path with exactly mode, past the umask.
func plant(t *testing.T, path string, b []byte, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, b, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func TestAHostileSecretFileIsReplacedSayingWhy(t *testing.T) {
	t.Parallel()
	known := bytes.Repeat([]byte("k"), SecretSize)
	tests := []struct {
		name   string
		plant  func(t *testing.T, path string)
		reason string
		unix   bool // mode bits mean something only there
	}{
		{"a secret too short", func(t *testing.T, p string) { plant(t, p, []byte("short"), 0o600) }, "5 bytes, not 32", false},
		{"a secret too long", func(t *testing.T, p string) { plant(t, p, make([]byte, 4096), 0o600) }, "4096 bytes, not 32", false},
		{"a secret other users may read", func(t *testing.T, p string) { plant(t, p, known, 0o644) }, "open to other users (mode 0644)", true},
		{"a secret other users may write", func(t *testing.T, p string) { plant(t, p, known, 0o666) }, "writable by other users", true},
		{"a folder in the secret's place", func(t *testing.T, p string) {
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file", false},
		{"a symlink to a secret the attacker knows", func(t *testing.T, p string) {
			target := filepath.Join(t.TempDir(), "known")
			plant(t, target, known, 0o600)
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		}, "a symlink, which is never followed", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.unix && runtime.GOOS == "windows" {
				t.Skip("mode bits say nothing of other users here")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "secret")
			tt.plant(t, path)
			secret, replaced, err := LoadSecret(dir, "secret")
			if err != nil {
				t.Fatalf("a bad secret made the folder unusable: %v", err)
			}
			if !strings.Contains(replaced, tt.reason) {
				t.Errorf("replaced = %q, want it to say %q", replaced, tt.reason)
			}
			if len(secret) != SecretSize || bytes.Equal(secret, known) || bytes.Equal(secret, make([]byte, SecretSize)) {
				t.Errorf("the planted secret is used: %x", secret)
			}
			info, err := os.Lstat(path)
			if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o600 || info.Size() != SecretSize {
				t.Errorf("the new secret: %v, %v; want a regular file of mode 0600 and %d bytes", info, err, SecretSize)
			}
			again, replaced, err := LoadSecret(dir, "secret")
			if err != nil || replaced != "" || !bytes.Equal(again, secret) {
				t.Errorf("the new secret read again: %x, %q, %v; want %x unchanged", again, replaced, err, secret)
			}
		})
	}
}

// Processes opening a new folder at once must agree on its secret, or
// each would miss what the others keyed with theirs.
func TestSecretsLoadedAtOnceOnANewFolderAgree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const loaders = 8
	secrets := make(chan string, loaders)
	start := make(chan struct{})
	for range loaders {
		go func() {
			<-start
			s, replaced, err := LoadSecret(dir, ".key")
			if err != nil || replaced != "" {
				secrets <- "error: " + replaced + ": " + err.Error()
				return
			}
			secrets <- hex.EncodeToString(s)
		}()
	}
	close(start)
	first := <-secrets
	for range loaders - 1 {
		if s := <-secrets; s != first {
			t.Fatalf("two loaders at once got the secrets %q and %q", first, s)
		}
	}
}

func TestTheHashIsAnHMACOfThePartsKeptApart(t *testing.T) {
	t.Parallel()
	secret := Secret(bytes.Repeat([]byte{7}, SecretSize))
	hmacOf := func(s string) string {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(s))
		return hex.EncodeToString(m.Sum(nil))
	}
	tests := []struct {
		name  string
		parts []string
		want  string
	}{
		// Files already on disk are named by these hashes: they must not change.
		{"one part is the HMAC of that part", []string{"pgk-live-key"}, hmacOf("pgk-live-key")},
		{"parts are joined by a zero byte", []string{"entry", "vendor", "plans"}, hmacOf("entry\x00vendor\x00plans")},
	}
	for _, tt := range tests {
		if got := secret.Hash(tt.parts...); got != tt.want {
			t.Errorf("%s: Hash(%q) = %s, want %s", tt.name, tt.parts, got, tt.want)
		}
	}
	if secret.Hash("ab", "c") == secret.Hash("a", "bc") {
		t.Error(`("ab", "c") and ("a", "bc") hash alike: the parts run together`)
	}
	if Secret(make([]byte, SecretSize)).Hash("key") == secret.Hash("key") {
		t.Error("two secrets hash alike: the hash is not keyed")
	}
}
