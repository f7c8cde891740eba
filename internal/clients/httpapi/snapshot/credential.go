package snapshot

import (
	"fmt"
	"path/filepath"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/ownfolder"
)

// The credential is written only as an HMAC-SHA256 under a random secret
// of the folder: a plain SHA-256 is an offline oracle, as anyone holding a
// copied cache folder (a CI cache, say) could test guessed keys against it.
// Without the folder's secret neither that hash nor an entry's name (a
// hash of the whole key, this HMAC included) can be checked against a key.
//
// folderKeyName is the folder's secret; its leading dot keeps it out of
// what is read, counted or trimmed as entries.
const folderKeyName = ".credential-key"

// CredentialHash is the folder-keyed HMAC of a credential, the only trace
// of it that is ever written: different keys can see different prices.
func (s *Store) CredentialHash(credential string) string {
	return keyedHash(s.folderKey, credential)
}

func keyedHash(key ownfolder.Secret, credential string) string {
	if credential == "" {
		return "none"
	}
	return key.Hash(credential)
}

// Warning is what was wrong with the folder's secret when it was opened
// (it was then replaced), or "".
func (s *Store) Warning() string { return s.warning }

// loadFolderKey reads dir's secret, or makes one, replacing one that
// cannot be trusted; the entries written under the old secret are then
// simply not found, and the warning says why.
func loadFolderKey(dir string) (key ownfolder.Secret, warning string, err error) {
	key, replaced, err := ownfolder.LoadSecret(dir, folderKeyName)
	if err != nil {
		return nil, "", fmt.Errorf("snapshot: %w", err)
	}
	if replaced != "" {
		warning = fmt.Sprintf("the cache folder's secret %s was %s; a new one was made, so entries written under the old one are read again", filepath.Join(dir, folderKeyName), replaced)
	}
	return key, warning, nil
}
