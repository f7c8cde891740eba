package s3store

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// The bucket's secret keys every credential hash and object name, so that
// entries copied out of the bucket without it are no oracle for guessed
// keys. Every machine of the fleet must key alike, so the secret lives in
// the bucket itself (made once, by a conditional write): who can read the
// prefix can read it, which the least IAM policy limits to the fleet.
const (
	secretName  = "credential-key"
	secretBytes = 32
)

// CredentialHash is the HMAC-SHA256 of a credential under the bucket's
// secret: the credential's only trace in an entry kept in this bucket.
func (s *Store) CredentialHash(ctx context.Context, credential string) (string, error) {
	if credential == "" {
		return "none", nil
	}
	secret, err := s.loadSecret(ctx)
	if err != nil {
		return "", err
	}
	return keyed(secret, credential), nil
}

func (s *Store) objectName(ctx context.Context, k snapshot.Key) (string, error) {
	secret, err := s.loadSecret(ctx)
	if err != nil {
		return "", err
	}
	return keyed(secret, k.Name()), nil
}

func keyed(secret []byte, text string) string {
	mac := hmac.New(sha256.New, secret)
	_, _ = mac.Write([]byte(text)) // a hash never fails to write
	return hex.EncodeToString(mac.Sum(nil))
}

// loadSecret reads the bucket's secret, or makes it when there is none. Two
// machines making it at once both write with If-None-Match: *; the one that
// loses reads the winner's. A secret of another size is refused (ErrCorrupted)
// rather than replaced: replacing it would fight the machines still using it.
func (s *Store) loadSecret(ctx context.Context) ([]byte, error) {
	s.secretMu.Lock()
	defer s.secretMu.Unlock()
	if s.secret != nil {
		return s.secret, nil
	}
	object := s.prefix + secretName
	for range 3 {
		b, _, found, err := s.getObject(ctx, "read the bucket secret", object, secretBytes)
		if err != nil {
			return nil, err
		}
		if found {
			if len(b) != secretBytes {
				return nil, &Error{Op: "read the bucket secret", Bucket: s.bucket, Object: object, Kind: ErrCorrupted,
					Detail: fmt.Sprintf("%d bytes, not %d; delete it and the next run makes a new one", len(b), secretBytes)}
			}
			s.secret = b
			return b, nil
		}
		fresh := make([]byte, secretBytes)
		_, _ = rand.Read(fresh) // crypto/rand.Read never fails
		_, err = s.client.PutObject(ctx, &s3.PutObjectInput{
			Bucket:        aws.String(s.bucket),
			Key:           aws.String(object),
			Body:          bytes.NewReader(fresh),
			ContentLength: aws.Int64(secretBytes),
			IfNoneMatch:   aws.String("*"),
		})
		switch {
		case err == nil:
			s.secret = fresh
			return fresh, nil
		case !isPreconditionFailed(err):
			return nil, s.fail("make the bucket secret", object, err)
		}
		// Another machine made it first: read theirs.
	}
	return nil, &Error{Op: "read the bucket secret", Bucket: s.bucket, Object: object, Kind: ErrUnreachable,
		Detail: "it was made and removed again three times while being read"}
}
