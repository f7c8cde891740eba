package snapshot

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// The encoding of an entry, shared by every place entries are kept (this
// folder, a bucket): one format, one set of checks.

// Name is a hash of the whole key: an entry's name wherever it is kept, so
// no key field, and no credential, reaches a file or object name.
func (k Key) Name() string {
	b, _ := json.Marshal(k) // a struct of strings always marshals
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// EncodeEntry is e as it is written: format version, the checksum of the
// content and the content, at most MaxEntryBytes.
func EncodeEntry(e Entry) ([]byte, error) {
	content, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("snapshot: encode entry: %w", err)
	}
	sum := sha256.Sum256(content)
	b, err := json.Marshal(file{Format: FormatVersion, Checksum: hex.EncodeToString(sum[:]), Content: content})
	if err != nil {
		return nil, fmt.Errorf("snapshot: encode entry: %w", err)
	}
	if len(b) > MaxEntryBytes {
		return nil, fmt.Errorf("snapshot: the entry is %d bytes, more than the %d an entry may hold", len(b), MaxEntryBytes)
	}
	return b, nil
}

// DecodeEntry parses and checks b as the entry of k; reason says why it
// cannot be trusted: not an entry, another format version, a checksum that
// does not match, no pages, or another key than k.
func DecodeEntry(b []byte, k Key) (Entry, string) {
	e, reason := decodeEntry(b)
	if reason != "" {
		return Entry{}, reason
	}
	if e.Key != k {
		return Entry{}, fmt.Sprintf("it holds the read %q of %s, not the one its name stands for", e.Key.Read, e.Key.Vendor)
	}
	return e, ""
}

// decodeEntry parses and checks an entry file; reason says why it fails.
func decodeEntry(b []byte) (Entry, string) {
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return Entry{}, "not an entry file (" + err.Error() + ")"
	}
	if f.Format != FormatVersion {
		return Entry{}, fmt.Sprintf("format version %d, not %d", f.Format, FormatVersion)
	}
	sum := sha256.Sum256(f.Content)
	if hex.EncodeToString(sum[:]) != f.Checksum {
		return Entry{}, "its checksum does not match its content (a partial or altered file)"
	}
	var e Entry
	if err := json.Unmarshal(f.Content, &e); err != nil {
		return Entry{}, "unreadable content (" + err.Error() + ")"
	}
	if e.FetchedAt.IsZero() || len(e.Pages) == 0 {
		return Entry{}, "no fetch time or no pages"
	}
	return e, ""
}
