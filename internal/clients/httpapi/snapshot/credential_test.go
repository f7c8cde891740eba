package snapshot

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/ownfolder"
)

// testFolderKey stands for a folder's secret in tests that need a key but
// no folder.
var testFolderKey = make([]byte, ownfolder.SecretSize)

func TestTheCredentialIsHashedWithTheFolderSecretOnly(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cache")
	s, err := Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	plain := sha256.Sum256([]byte(secret))
	got := s.CredentialHash(secret)
	if got == hex.EncodeToString(plain[:]) || got == "" || strings.Contains(got, secret) {
		t.Errorf("CredentialHash = %q: the unsalted SHA-256, an offline oracle for a guessed key", got)
	}
	again, err := Open(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if again.CredentialHash(secret) != got {
		t.Error("the same folder, opened again, hashes the credential otherwise: its entries would never be found")
	}
	other, err := Open(filepath.Join(t.TempDir(), "other"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if other.CredentialHash(secret) == got {
		t.Error("two folders hash the credential alike: the hash is not keyed by the folder's secret")
	}
	if s.CredentialHash("") != "none" {
		t.Errorf("no credential hashes to %q, want none", s.CredentialHash(""))
	}
	info, err := os.Lstat(filepath.Join(dir, folderKeyName))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 || info.Size() != ownfolder.SecretSize {
		t.Errorf("the folder secret is mode %04o, %d bytes; want 0600, %d bytes", info.Mode().Perm(), info.Size(), ownfolder.SecretSize)
	}
}

func TestAHostileFolderSecretIsReplacedWithAWarning(t *testing.T) {
	t.Parallel()
	// Each kind of hostile file (another's mode, a symlink...) is
	// ownfolder's to refuse; here, what the store makes of a refusal.
	for _, tt := range []struct {
		name  string
		plant func(t *testing.T, path string)
	}{
		{"when it is too short", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("short"), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"when it is a folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "cache")
			s, err := Open(dir, 0)
			if err != nil {
				t.Fatal(err)
			}
			k := Key{Vendor: "vendor", BaseURL: "https://api.example.test", Read: "plans", CredentialHash: s.CredentialHash(secret)}
			mustPut(t, s, entryFor(k, `{"v":1}`))
			path := filepath.Join(dir, folderKeyName)
			if err := os.RemoveAll(path); err != nil {
				t.Fatal(err)
			}
			tt.plant(t, path)
			reopened, err := Open(dir, 0)
			if err != nil {
				t.Fatalf("a bad folder secret made the folder unusable: %v", err)
			}
			if reopened.Warning() == "" {
				t.Error("no warning about the replaced folder secret")
			}
			if h := reopened.CredentialHash(secret); h == k.CredentialHash || h == keyedHash(make([]byte, ownfolder.SecretSize), secret) {
				t.Error("the planted or old secret is still used")
			}
			k.CredentialHash = reopened.CredentialHash(secret)
			if _, found, ignored := reopened.Get(k); found || ignored != nil {
				t.Errorf("an entry of the old secret: found %v, ignored %v; want a plain miss", found, ignored)
			}
			info, err := os.Lstat(path)
			if err != nil || !info.Mode().IsRegular() || info.Mode().Perm() != 0o600 || info.Size() != ownfolder.SecretSize {
				t.Errorf("the new folder secret: %v, %v", info, err)
			}
		})
	}
}
