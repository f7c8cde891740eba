package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest/s3server"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot/s3store"
)

// bucketEnv makes the AWS credential chain find exactly srv's keys.
func bucketEnv(t *testing.T, srv *s3server.Server) {
	t.Helper()
	none := filepath.Join(t.TempDir(), "none")
	for k, v := range map[string]string{
		"AWS_CONFIG_FILE": none, "AWS_SHARED_CREDENTIALS_FILE": none, "AWS_PROFILE": "", "AWS_REGION": "",
		"AWS_DEFAULT_REGION": "", "AWS_SESSION_TOKEN": "", "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_ACCESS_KEY_ID": srv.AccessKey, "AWS_SECRET_ACCESS_KEY": srv.SecretKey,
	} {
		t.Setenv(k, v)
	}
}

// machine is one runner of the fleet: its own cache folder, the shared bucket.
func machine(t *testing.T, srv *s3server.Server, endpoint string, maxAge time.Duration) *Cache {
	t.Helper()
	c := newCache(t, t.TempDir(), maxAge, 24*time.Hour, false)
	err := c.UseBucket(context.Background(), BucketConfig{
		Bucket: srv.Bucket, Region: s3server.Region, Endpoint: endpoint, UsePathStyle: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAFleetSharingABucketReadsEachListingOnceFromTheVendor(t *testing.T) {
	srv := s3server.Start(t)
	bucketEnv(t, srv)
	v, vendor := startCachedVendor(t)

	const machines = 10
	caches := make([]*Cache, machines)
	for i := range caches {
		caches[i] = machine(t, srv, srv.Endpoint, time.Hour)
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	results := make([]string, machines)
	for i, c := range caches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			got, reads, err := runWith(t, vendor, c)
			if err != nil {
				t.Error(err)
			}
			results[i] = fmt.Sprint(got, reads.Warnings)
		}()
	}
	close(start)
	wg.Wait()
	if requests, _ := v.counts(); requests != 2 {
		t.Errorf("a cold fleet of %d made %d vendor requests, want the listing's 2 pages once", machines, requests)
	}
	for i, r := range results {
		if r != "[1@v1 2@v1] []" {
			t.Errorf("machine %d read %s", i, r)
		}
	}

	// Warm: new machines (empty folders) read the bucket, not the vendor;
	// then their own folder, not even the bucket.
	fresh := machine(t, srv, srv.Endpoint, time.Hour)
	for range 2 {
		if got, _, err := runWith(t, vendor, fresh); err != nil || fmt.Sprint(got) != "[1@v1 2@v1]" {
			t.Fatalf("a warm machine read %v, %v", got, err)
		}
	}
	if requests, _ := v.counts(); requests != 2 {
		t.Errorf("%d vendor requests after warm reads, want still 2", requests)
	}

	// Nothing in the server's data folder holds the key.
	err := filepath.WalkDir(srv.DataDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err == nil && (bytes.Contains(b, []byte(testKey)) || strings.Contains(path, testKey)) {
			t.Errorf("%s holds the key", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestABucketThatCannotBeReachedIsOneWarningAndTheVendorAnswers(t *testing.T) {
	srv := s3server.Start(t)
	bucketEnv(t, srv)
	v, vendor := startCachedVendor(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()

	c := machine(t, srv, closed, 0) // max_age 0: every read looks past the folder
	var warnings []Warning
	for range 2 { // two vendors of one run, sharing its cache
		got, reads, err := runWith(t, vendor, c)
		if err != nil || fmt.Sprint(got) != "[1@v1 2@v1]" {
			t.Fatalf("read %v, %v; want the vendor's list", got, err)
		}
		warnings = append(warnings, reads.Warnings...)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Detail, "cannot be reached") {
		t.Errorf("warnings %v, want one saying the bucket cannot be reached", warnings)
	}
	if requests, _ := v.counts(); requests < 2 {
		t.Errorf("%d vendor requests, want the vendor read", requests)
	}
}

func TestALeaseLeftByAHolderKilledMidReadIsTakenOverOnceExpired(t *testing.T) {
	srv := s3server.Start(t)
	bucketEnv(t, srv)
	v, vendor := startCachedVendor(t)
	c := machine(t, srv, srv.Endpoint, time.Hour)
	ctx := context.Background()

	// The killed holder: its clock said 2020, so its lease expired long ago.
	dead, err := s3store.New(ctx, s3store.Config{
		Bucket: srv.Bucket, Region: s3server.Region, Endpoint: srv.Endpoint, UsePathStyle: true,
		Now: func() time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAPI(t, vendor)
	k := snapshot.Key{Vendor: a.name, BaseURL: RedactURL(a.base), Read: "listing", Scope: a.cfg.CacheScope}
	if k.CredentialHash, err = dead.CredentialHash(ctx, testKey); err != nil {
		t.Fatal(err)
	}
	if lease, _, err := dead.TryLease(ctx, k, bucketLease); err != nil || lease == nil {
		t.Fatalf("the killed holder's lease: %v, %v", lease, err)
	} // never released

	got, reads, err := runWith(t, vendor, c)
	if err != nil || fmt.Sprint(got) != "[1@v1 2@v1]" || len(reads.Warnings) != 0 {
		t.Fatalf("read %v, %v, warnings %v; want the vendor's list", got, err, reads.Warnings)
	}
	if _, _, err := runWith(t, vendor, machine(t, srv, srv.Endpoint, time.Hour)); err != nil {
		t.Fatal(err)
	}
	if requests, _ := v.counts(); requests != 2 {
		t.Errorf("%d vendor requests, want 2: the lease taken over, the entry published for the next machine", requests)
	}
}
