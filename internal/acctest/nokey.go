package acctest

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// NoKeyAnywhere fails t for every place (a name, such as "terraform's
// output" or a file's path, and its text) that holds key in any encoding a
// vendor, a proxy or the provider itself could write it in: as is or in
// another letter case, percent-encoded, JSON-escaped, in base64 (standard
// or URL-safe, padded or not, at any alignment) or in hex
// (httpapi.HoldsSecret, whose own table test shows it finds each); nor its
// plain SHA-256, an offline oracle for a guessed key.
func NoKeyAnywhere(t testing.TB, key string, places map[string]string) {
	t.Helper()
	names := make([]string, 0, len(places))
	for name := range places {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if httpapi.HoldsSecret(places[name], key) {
			t.Errorf("%s holds the API key (as is or encoded)", name)
		}
		if sum := sha256.Sum256([]byte(key)); strings.Contains(strings.ToLower(places[name]), hex.EncodeToString(sum[:])) {
			t.Errorf("%s holds the API key's plain SHA-256", name)
		}
	}
}

// FilesUnder is every regular file under dir, by path, for NoKeyAnywhere;
// files named in skip (the configuration, which holds the key on purpose)
// are left out.
func FilesUnder(t testing.TB, dir string, skip ...string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || slices.Contains(skip, d.Name()) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[path] = string(b)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatalf("reading %s: %v", dir, err)
	}
	return files
}
