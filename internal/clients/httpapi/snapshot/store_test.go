package snapshot

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const secret = "sk_live_SECRET_0123456789"

func keyFor(read, credential string) Key {
	return Key{Vendor: "vendor", BaseURL: "https://api.example.test", Read: read, Scope: "language=en", CredentialHash: keyedHash(testFolderKey, credential)}
}

func entryFor(k Key, body string) Entry {
	return Entry{Key: k, FetchedAt: time.Now().UTC().Truncate(time.Second), Pages: []Page{
		{URL: "https://api.example.test/plans?page=1", Body: []byte(body), ETag: `"v1"`, LastModified: "Mon, 07 Dec 2026 10:00:00 GMT"},
	}}
}

func openStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "cache"), 0)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustPut(t *testing.T, s *Store, e Entry) {
	t.Helper()
	if err := s.Put(e); err != nil {
		t.Fatal(err)
	}
}

func TestAnEntryReadsBackAsWritten(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	k := keyFor("plans", secret)
	want := entryFor(k, `{"data":[{"id":"plan_1","price":"49990000000"}]}`)
	mustPut(t, s, want)
	got, ok, ignored := s.Get(k)
	if !ok || ignored != nil {
		t.Fatalf("Get: ok %v, ignored %v", ok, ignored)
	}
	if !got.FetchedAt.Equal(want.FetchedAt) || len(got.Pages) != 1 || !bytes.Equal(got.Pages[0].Body, want.Pages[0].Body) ||
		got.Pages[0].ETag != `"v1"` || got.Pages[0].LastModified != want.Pages[0].LastModified || got.Pages[0].URL != want.Pages[0].URL {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestAnotherKeyReadOrSettingMisses(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	k := keyFor("plans", secret)
	mustPut(t, s, entryFor(k, `{}`))
	other := []Key{keyFor("plans", "another-key"), keyFor("plans?merchant=org_1", secret), keyFor("plans", "")}
	scoped := k
	scoped.Scope = "language=ru"
	other = append(other, scoped)
	for _, o := range other {
		if _, ok, ignored := s.Get(o); ok || ignored != nil {
			t.Errorf("%+v: ok %v, ignored %v; want a plain miss", o, ok, ignored)
		}
	}
}

func TestTheCredentialIsNeverWritten(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	mustPut(t, s, entryFor(keyFor("plans", secret), `{"data":[]}`))
	files, _ := os.ReadDir(s.Dir())
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(s.Dir(), f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) || strings.Contains(f.Name(), secret) {
			t.Errorf("%s holds the credential", f.Name())
		}
	}
	if len(files) != 2 {
		t.Errorf("the folder holds %d files, want the one entry and the folder's secret", len(files))
	}
}

func TestEntriesAreMode0600InAFolderOfMode0700(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	mustPut(t, s, entryFor(keyFor("plans", secret), `{}`))
	info, _ := os.Stat(s.Dir())
	if info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %04o, want 0700", info.Mode().Perm())
	}
	files, _ := os.ReadDir(s.Dir())
	for _, f := range files {
		fi, _ := f.Info()
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %04o, want 0600", f.Name(), fi.Mode().Perm())
		}
	}
}

func TestAnEntryThatCannotBeTrustedIsIgnoredAndWrittenAgain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		damage func(b []byte) []byte
		reason string
	}{
		{"a truncated file", func(b []byte) []byte { return b[:len(b)/2] }, "not an entry file"},
		{"a flipped byte in the content", func(b []byte) []byte {
			i := bytes.Index(b, []byte(`"read"`))
			b[i+9] ^= 0x01
			return b
		}, "checksum does not match"},
		{"another format version", func(b []byte) []byte {
			return bytes.Replace(b, []byte(fmt.Sprintf(`"format":%d`, FormatVersion)), []byte(`"format":99`), 1)
		}, fmt.Sprintf("format version 99, not %d", FormatVersion)},
		{"not JSON at all", func([]byte) []byte { return []byte("\x00\x01garbage") }, "not an entry file"},
		{"an empty file", func([]byte) []byte { return nil }, "not an entry file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t)
			k := keyFor("plans", secret)
			mustPut(t, s, entryFor(k, `{"data":[1,2,3]}`))
			path := filepath.Join(s.Dir(), k.fileName())
			b, _ := os.ReadFile(path)
			if err := os.WriteFile(path, tt.damage(b), 0o600); err != nil {
				t.Fatal(err)
			}
			_, ok, ignored := s.Get(k)
			if ok || ignored == nil || !strings.Contains(ignored.Reason, tt.reason) {
				t.Fatalf("ok %v, ignored %v; want ignored because %q", ok, ignored, tt.reason)
			}
			mustPut(t, s, entryFor(k, `{"data":[4]}`))
			if e, ok, ignored := s.Get(k); !ok || ignored != nil || string(e.Pages[0].Body) != `{"data":[4]}` {
				t.Errorf("after a new Put: ok %v, ignored %v", ok, ignored)
			}
		})
	}
}

func TestASymlinkedEntryIsNeverFollowed(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	k := keyFor("plans", secret)
	// A valid entry elsewhere, linked into the folder under k's name.
	elsewhere := openStore(t)
	mustPut(t, elsewhere, entryFor(k, `{"planted":true}`))
	if err := os.Symlink(filepath.Join(elsewhere.Dir(), k.fileName()), filepath.Join(s.Dir(), k.fileName())); err != nil {
		t.Skip("symlinks unavailable:", err)
	}
	_, ok, ignored := s.Get(k)
	if ok || ignored == nil || !strings.Contains(ignored.Reason, "symlink") {
		t.Errorf("ok %v, ignored %v; want the symlink ignored", ok, ignored)
	}
}

func TestAnEntryWhoseContentIsAnotherKeysIsIgnored(t *testing.T) {
	t.Parallel()
	s := openStore(t)
	a, b := keyFor("plans", secret), keyFor("plans", "another-key")
	mustPut(t, s, entryFor(a, `{"for":"a"}`))
	content, _ := os.ReadFile(filepath.Join(s.Dir(), a.fileName()))
	if err := os.WriteFile(filepath.Join(s.Dir(), b.fileName()), content, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok, ignored := s.Get(b); ok || ignored == nil || !strings.Contains(ignored.Reason, "not the one its name stands for") {
		t.Errorf("ok %v, ignored %v; want a copied entry ignored", ok, ignored)
	}
}

func TestAFolderOpenToOtherUsersOrAFileIsRefused(t *testing.T) {
	t.Parallel()
	open := filepath.Join(t.TempDir(), "open")
	if err := os.Mkdir(open, 0o777); err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(open, 0o777) // past the umask
	if _, err := Open(open, 0); err == nil || !strings.Contains(err.Error(), "writable by other users") {
		t.Errorf("a 0777 folder: %v", err)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file, 0); err == nil {
		t.Error("a file was opened as a folder")
	}
}

func TestTheFolderBoundRemovesTheOldestEntriesFirst(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cache")
	body := strings.Repeat("x", 10_000)
	// Room for about three entries of this size.
	s, err := Open(dir, 3*14_000)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]Key, 5)
	for i := range keys {
		keys[i] = keyFor(fmt.Sprintf("read %d", i), secret)
		mustPut(t, s, entryFor(keys[i], `"`+body+`"`))
		past := time.Now().Add(time.Duration(i-10) * time.Minute)
		_ = os.Chtimes(filepath.Join(dir, keys[i].fileName()), past, past)
	}
	var kept []int
	for i, k := range keys {
		if _, ok, _ := s.Get(k); ok {
			kept = append(kept, i)
		}
	}
	if fmt.Sprint(kept) != "[2 3 4]" {
		t.Errorf("kept entries %v, want the three newest [2 3 4]", kept)
	}
}
