// Package s3store keeps snapshot entries in an S3-compatible bucket, shared
// by every machine of a fleet: the same entries as the cache folder (the
// encoding and checks of package snapshot), written as whole objects, and
// leases (lock objects made by conditional writes) so that one machine reads
// a missing entry from the vendor while the others wait for it.
//
// Every object is hostile until checked, like every file of the folder. No
// object name and no object holds a credential: names are an HMAC of the
// entry's key under the bucket's own random secret (secret.go).
package s3store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// Config says where the entries are kept. Credentials come from the
// standard AWS chain (environment, shared config and profiles, web identity,
// instance roles), as for Terraform's own S3 backend.
type Config struct {
	Bucket string
	// Prefix is prepended to every object name ("" or "team/pricing").
	Prefix string
	// Region: "" takes the chain's (AWS_REGION, the profile), else us-east-1.
	Region string
	// Endpoint is the S3 API's URL for a service other than AWS S3 (MinIO,
	// R2, Ceph, GCS): "" for AWS.
	Endpoint     string
	UsePathStyle bool
	// MaxAttempts bounds the SDK's attempts per request (0: its default, 3).
	MaxAttempts int
	// RequestTimeout bounds each request, body included (0: none but the
	// context's).
	RequestTimeout time.Duration
	// Now is the clock leases are written and judged by (nil: time.Now).
	Now func() time.Time
}

// Store is a bucket (and prefix) of entries.
type Store struct {
	client *s3.Client
	bucket string
	prefix string
	now    func() time.Time

	secretMu sync.Mutex // guards secret: loaded once, tried again after a failure
	secret   []byte

	maxEntryBytes int64 // snapshot.MaxEntryBytes; smaller in tests
}

// New makes a store; it sends no request (the first operation does).
func New(ctx context.Context, c Config) (*Store, error) {
	if c.Bucket == "" {
		return nil, errors.New("snapshot bucket: no bucket name")
	}
	opts := []func(*config.LoadOptions) error{}
	if c.Region != "" {
		opts = append(opts, config.WithRegion(c.Region))
	}
	if c.RequestTimeout > 0 {
		// The SDK's own client, so AWS_CA_BUNDLE and its transport
		// settings still apply.
		opts = append(opts, config.WithHTTPClient(awshttp.NewBuildableClient().WithTimeout(c.RequestTimeout)))
	}
	if c.MaxAttempts > 0 {
		opts = append(opts, config.WithRetryMaxAttempts(c.MaxAttempts))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		// The text names a file or a profile, never a secret.
		return nil, fmt.Errorf("snapshot bucket %q: load the AWS configuration: %w", c.Bucket, err)
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	if cfg.Credentials != nil {
		cfg.Credentials = chainCredentials{cfg.Credentials}
	}
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		if c.Endpoint != "" {
			o.BaseEndpoint = aws.String(c.Endpoint)
		}
		o.UsePathStyle = c.UsePathStyle
		// Checksums only where S3 requires them: services other than AWS
		// (R2, older MinIO, Ceph) refuse the SDK's default trailing
		// checksums. An entry carries its own SHA-256, checked when read.
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	})
	now := c.Now
	if now == nil {
		now = time.Now
	}
	return &Store{client: client, bucket: c.Bucket, prefix: normalPrefix(c.Prefix), now: now, maxEntryBytes: snapshot.MaxEntryBytes}, nil
}

// normalPrefix is "" or a prefix ending in exactly one "/".
func normalPrefix(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return ""
	}
	return p + "/"
}

// entryObject and leaseObject name k's entry and its lease. The names are
// an HMAC under the bucket's secret, so even a key made with an unkeyed
// credential hash gives nothing to test a guessed credential against.
func (s *Store) entryObject(ctx context.Context, k snapshot.Key) (string, error) {
	name, err := s.objectName(ctx, k)
	if err != nil {
		return "", err
	}
	return s.prefix + "entries/" + name + ".snapshot.json", nil
}

func (s *Store) leaseObject(ctx context.Context, k snapshot.Key) (string, error) {
	name, err := s.objectName(ctx, k)
	if err != nil {
		return "", err
	}
	return s.prefix + "leases/" + name + ".lease.json", nil
}

// Get reads k's entry. A missing entry is (Entry{}, false, nil); an object
// that fails a check is an *Error of kind ErrCorrupted, which the caller
// warns about and reads past, as a miss.
func (s *Store) Get(ctx context.Context, k snapshot.Key) (snapshot.Entry, bool, error) {
	object, err := s.entryObject(ctx, k)
	if err != nil {
		return snapshot.Entry{}, false, err
	}
	b, _, found, err := s.getObject(ctx, "get entry", object, s.maxEntryBytes)
	if err != nil || !found {
		return snapshot.Entry{}, false, err
	}
	e, reason := snapshot.DecodeEntry(b, k)
	if reason != "" {
		return snapshot.Entry{}, false, &Error{Op: "get entry", Bucket: s.bucket, Object: object, Kind: ErrCorrupted, Detail: reason}
	}
	return e, true, nil
}

// Put writes e as one whole object: S3 makes a PUT visible whole or not at
// all, so a reader never sees part of an entry.
func (s *Store) Put(ctx context.Context, e snapshot.Entry) error {
	object, err := s.entryObject(ctx, e.Key)
	if err != nil {
		return err
	}
	b, err := snapshot.EncodeEntry(e)
	if err != nil {
		return err
	}
	_, err = s.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket:        aws.String(s.bucket),
		Key:           aws.String(object),
		Body:          bytes.NewReader(b),
		ContentLength: aws.Int64(int64(len(b))),
		ContentType:   aws.String("application/json"),
	})
	if err != nil {
		return s.fail("put entry", object, err)
	}
	return nil
}

// getObject reads a whole object of at most limit bytes, with its ETag.
func (s *Store) getObject(ctx context.Context, op, object string, limit int64) (body []byte, etag string, found bool, err error) {
	out, err := s.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(object)})
	if isNotFound(err) {
		return nil, "", false, nil
	}
	if err != nil {
		return nil, "", false, s.fail(op, object, err)
	}
	defer out.Body.Close()
	// A corrupted object is found, with its ETag: a lease that cannot be
	// read is taken over by a write conditional on that ETag.
	corrupted := func(format string, args ...any) ([]byte, string, bool, error) {
		return nil, aws.ToString(out.ETag), true, &Error{Op: op, Bucket: s.bucket, Object: object, Kind: ErrCorrupted, Detail: fmt.Sprintf(format, args...)}
	}
	if out.ContentLength != nil && *out.ContentLength > limit {
		return corrupted("%d bytes, more than the %d it may hold", *out.ContentLength, limit)
	}
	body, err = io.ReadAll(io.LimitReader(out.Body, limit+1))
	switch {
	case err != nil:
		return nil, "", false, s.fail(op, object, err)
	case int64(len(body)) > limit:
		return corrupted("more than the %d bytes it may hold", limit)
	case out.ContentLength != nil && int64(len(body)) != *out.ContentLength:
		return corrupted("%d bytes read of the %d announced", len(body), *out.ContentLength)
	}
	return body, aws.ToString(out.ETag), true, nil
}

// chainCredentials marks a failure of the credential chain, which the SDK
// returns as plain text, so that it reads as ErrDenied.
type chainCredentials struct{ aws.CredentialsProvider }

type noCredentialsError struct{ error }

func (c chainCredentials) Retrieve(ctx context.Context) (aws.Credentials, error) {
	creds, err := c.CredentialsProvider.Retrieve(ctx)
	if err != nil {
		return creds, noCredentialsError{err}
	}
	return creds, nil
}
