package s3store

import (
	"context"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest/s3server"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// clock is the injected clock leases are judged by: tests move it, never
// wait for it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// useCredentials makes the standard AWS chain find exactly these keys in
// the environment, and nothing from the machine's own AWS set-up.
func useCredentials(t *testing.T, accessKey, secretKey string) {
	t.Helper()
	none := filepath.Join(t.TempDir(), "none")
	t.Setenv("AWS_CONFIG_FILE", none)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", none)
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_DEFAULT_REGION", "")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ACCESS_KEY_ID", accessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", secretKey)
}

// startBucket starts the real server of scripts/s3-server.sh with its keys
// in the environment.
func startBucket(t *testing.T) *s3server.Server {
	t.Helper()
	srv := s3server.Start(t)
	useCredentials(t, srv.AccessKey, srv.SecretKey)
	return srv
}

// open is one machine of the fleet: its own store on the shared bucket.
func open(t *testing.T, srv *s3server.Server, prefix string, now func() time.Time) *Store {
	t.Helper()
	s, err := New(context.Background(), Config{
		Bucket: srv.Bucket, Prefix: prefix, Region: s3server.Region,
		Endpoint: srv.Endpoint, UsePathStyle: true, MaxAttempts: 1, Now: now,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// closedEndpoint is a loopback URL nothing listens on.
func closedEndpoint(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func entry(k snapshot.Key, body string) snapshot.Entry {
	return snapshot.Entry{
		Key:       k,
		FetchedAt: time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC),
		Pages:     []snapshot.Page{{URL: k.BaseURL + "/plans?page=1", Body: []byte(body), ETag: `"v1"`}},
	}
}

func key(read, credentialHash string) snapshot.Key {
	return snapshot.Key{Vendor: "examplevendor", BaseURL: "https://api.example.test", Read: read, CredentialHash: credentialHash}
}
