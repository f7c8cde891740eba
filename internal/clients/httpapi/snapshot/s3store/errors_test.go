package s3store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest/s3server"
)

func TestBucketFailuresAreTypedAndNeverShowACredential(t *testing.T) {
	srv := s3server.Start(t)
	const wrongSecret = "0123456789abcdef0123456789abcdef0wrong"
	cases := []struct {
		name                 string
		accessKey, secretKey string
		endpoint, bucket     string
		want                 error
		wantText             string
	}{
		{name: "a wrong secret key is denied", accessKey: srv.AccessKey, secretKey: wrongSecret, want: ErrDenied, wantText: "SignatureDoesNotMatch"},
		{name: "an unknown access key is denied", accessKey: "AKIAUNKNOWNUNKNOWN00", secretKey: wrongSecret, want: ErrDenied, wantText: "access denied: HTTP 404 XAdminUserNotFound"},
		{name: "no credentials in the chain is denied", want: ErrDenied, wantText: "no credentials"},
		{name: "a server that does not listen is unreachable", accessKey: srv.AccessKey, secretKey: srv.SecretKey, endpoint: closedEndpoint(t), want: ErrUnreachable, wantText: "connection refused"},
		{name: "a bucket that does not exist is unreachable", accessKey: srv.AccessKey, secretKey: srv.SecretKey, bucket: "no-such-bucket", want: ErrUnreachable, wantText: "NoSuchBucket"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			useCredentials(t, c.accessKey, c.secretKey)
			target := *srv
			if c.endpoint != "" {
				target.Endpoint = c.endpoint
			}
			if c.bucket != "" {
				target.Bucket = c.bucket
			}
			s := open(t, &target, "", nil)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a bound, not an assertion
			defer cancel()
			_, _, err := s.Get(ctx, key("plans", "none"))
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.wantText) {
				t.Fatalf("Get = %v; want %v saying %q", err, c.want, c.wantText)
			}
			for _, other := range []error{ErrDenied, ErrUnreachable, ErrCorrupted} {
				if other != c.want && errors.Is(err, other) {
					t.Errorf("%v is also %v", err, other)
				}
			}
			for _, secret := range []string{srv.SecretKey, wrongSecret, srv.AccessKey, "AKIAUNKNOWNUNKNOWN00"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("the error shows a credential: %v", err)
				}
			}
		})
	}
}

func TestACanceledReadSaysSo(t *testing.T) {
	srv := startBucket(t)
	s := open(t, srv, "", nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := s.Get(ctx, key("plans", "none"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Get = %v; want context.Canceled", err)
	}
}
