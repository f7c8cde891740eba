package s3store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

const vendorKey = "sk_live_4f9a2c7e1b8d6053aa"

func TestAnEntryPutByOneMachineIsReadWholeByAnother(t *testing.T) {
	srv := startBucket(t)
	ctx := context.Background()
	a, b := open(t, srv, "fleet", nil), open(t, srv, "fleet", nil)
	hash, err := a.CredentialHash(ctx, vendorKey)
	if err != nil {
		t.Fatal(err)
	}
	if other, err := b.CredentialHash(ctx, vendorKey); err != nil || other != hash {
		t.Fatalf("the two machines hash the key differently: %q, %q (%v)", hash, other, err)
	}
	want := entry(key("plans", hash), `[{"id":"p1","price":"9.99"}]`)
	if err := a.Put(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, found, err := b.Get(ctx, want.Key)
	if err != nil || !found {
		t.Fatalf("Get = found %v, %v", found, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
	if _, found, err := b.Get(ctx, key("items", hash)); found || err != nil {
		t.Errorf("another read's entry: found %v, %v; want a miss", found, err)
	}
}

func TestNothingInTheBucketHoldsTheKeyOrItsPlainHash(t *testing.T) {
	srv := startBucket(t)
	ctx := context.Background()
	s := open(t, srv, "", nil)
	hash, err := s.CredentialHash(ctx, vendorKey)
	if err != nil {
		t.Fatal(err)
	}
	k := key("plans", hash)
	if err := s.Put(ctx, entry(k, `[]`)); err != nil {
		t.Fatal(err)
	}
	lease, _, err := s.TryLease(ctx, key("items", hash), time5m)
	if err != nil || lease == nil {
		t.Fatalf("TryLease = %v, %v", lease, err)
	}
	plain := sha256.Sum256([]byte(vendorKey))
	forbidden := []string{vendorKey, hex.EncodeToString(plain[:]), hash, k.Name(), k.Vendor, "api.example.test"}
	files := 0
	err = filepath.WalkDir(srv.DataDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if rel, _ := filepath.Rel(srv.DataDir, path); !strings.Contains(rel, "/.") && !strings.HasPrefix(rel, ".") {
			files++ // an object, not the server's own locks or temporary files
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, f := range forbidden {
			if strings.Contains(path, f) {
				t.Errorf("the object name %s holds %q", path, f)
			}
			if f == vendorKey || f == forbidden[1] {
				if bytes.Contains(b, []byte(f)) {
					t.Errorf("the object %s holds the key or its plain SHA-256", path)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 3 { // the secret, the entry, the lease
		t.Errorf("%d objects in the bucket's folder, want 3", files)
	}
}

func TestAnObjectThatFailsACheckIsIgnoredAsCorrupted(t *testing.T) {
	srv := startBucket(t)
	ctx := context.Background()
	s := open(t, srv, "", nil)
	hash, err := s.CredentialHash(ctx, vendorKey)
	if err != nil {
		t.Fatal(err)
	}
	k, other := key("plans", hash), key("items", hash)
	good, err := snapshot.EncodeEntry(entry(k, `[{"id":"p1"}]`))
	if err != nil {
		t.Fatal(err)
	}
	ofOther, err := snapshot.EncodeEntry(entry(other, `[{"id":"i1"}]`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, want string
		body       []byte
	}{
		{"an object that is not an entry", "not an entry file", []byte("<html>proxy error</html>")},
		{"an entry of another format version", "format version", bytes.Replace(good, fmt.Appendf(nil, `"format":%d`, snapshot.FormatVersion), []byte(`"format":9`), 1)},
		{"an entry whose content was altered", "checksum", bytes.Replace(good, []byte("page=1"), []byte("page=2"), 1)},
		{"a cut entry", "not an entry file", good[:len(good)/2]},
		{"another read's entry under this name", "not the one its name stands for", ofOther},
		{"an object larger than an entry may be", "more than the", bytes.Repeat([]byte(" "), 4097)},
	}
	s.maxEntryBytes = 4096
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			putRaw(t, s, k, c.body)
			_, found, err := s.Get(ctx, k)
			if found || !errors.Is(err, ErrCorrupted) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Get = found %v, %v; want ErrCorrupted saying %q", found, err, c.want)
			}
		})
	}
}

// putRaw writes body as k's entry object, as a hostile or broken writer would.
func putRaw(t *testing.T, s *Store, k snapshot.Key, body []byte) {
	t.Helper()
	object, err := s.entryObject(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	putObject(t, s, object, body)
}

func putObject(t *testing.T, s *Store, object string, body []byte) {
	t.Helper()
	_, err := s.client.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String(s.bucket), Key: aws.String(object), Body: bytes.NewReader(body), ContentLength: aws.Int64(int64(len(body))),
	})
	if err != nil {
		t.Fatal(err)
	}
}
