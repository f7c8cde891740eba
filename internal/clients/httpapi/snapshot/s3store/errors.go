package s3store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The kinds of bucket failure a caller tells apart (errors.Is): each makes
// the read go to the vendor, with a warning saying which it was.
var (
	// ErrDenied: the credentials were refused, or there are none.
	ErrDenied = errors.New("access denied")
	// ErrUnreachable: no answer, a server error, or no such bucket.
	ErrUnreachable = errors.New("unreachable")
	// ErrCorrupted: an object that fails a check (size, format version,
	// checksum, key); it is ignored, never trusted.
	ErrCorrupted = errors.New("corrupted object")
)

// Error is a failed bucket operation. Its text is built only from what is
// safe to show: the operation, bucket, object name, HTTP status and S3 error
// code; never an error message from the server or the SDK, which may quote
// a request's signature or access key ID.
type Error struct {
	Op, Bucket, Object string
	Kind               error // ErrDenied, ErrUnreachable, ErrCorrupted or nil
	Detail             string
	cause              error // only a context error, for errors.Is
}

func (e *Error) Error() string {
	kind := "failed"
	if e.Kind != nil {
		kind = e.Kind.Error()
	}
	return fmt.Sprintf("snapshot bucket %q: %s %s: %s: %s", e.Bucket, e.Op, e.Object, kind, e.Detail)
}

// Is matches the kind, so errors.Is(err, ErrDenied) reads as it says.
func (e *Error) Is(target error) bool { return e.Kind != nil && target == e.Kind }

// Unwrap gives a context's cancellation or deadline back, nothing else.
func (e *Error) Unwrap() error { return e.cause }

func (s *Store) fail(op, object string, err error) *Error {
	e := &Error{Op: op, Bucket: s.bucket, Object: object}
	var (
		api     smithy.APIError
		resp    *smithyhttp.ResponseError
		signing *v4.SigningError
		noCreds noCredentialsError
		opErr   *net.OpError
		dns     *net.DNSError
		send    *smithyhttp.RequestSendError
	)
	status := 0
	if errors.As(err, &resp) {
		status = resp.HTTPStatusCode()
	}
	switch {
	case errors.Is(err, context.Canceled):
		e.Detail, e.cause = "canceled", context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind, e.Detail, e.cause = ErrUnreachable, "no answer before the deadline", context.DeadlineExceeded
	case errors.As(err, &noCreds), errors.As(err, &signing):
		e.Kind, e.Detail = ErrDenied, "no credentials found in the AWS credential chain (environment, shared config and profiles, web identity, instance role)"
	case errors.As(err, &api):
		code := safeCode(api.ErrorCode())
		e.Detail = fmt.Sprintf("HTTP %d %s", status, code)
		switch {
		case status == 401 || status == 403 || deniedCodes[code]:
			e.Kind = ErrDenied
		case code == "NoSuchBucket":
			e.Kind, e.Detail = ErrUnreachable, fmt.Sprintf("HTTP %d NoSuchBucket: the bucket does not exist", status)
		case status >= 500:
			e.Kind = ErrUnreachable
		}
	case errors.As(err, &dns):
		e.Kind, e.Detail = ErrUnreachable, "cannot resolve "+dns.Name
	case errors.As(err, &opErr):
		e.Kind, e.Detail = ErrUnreachable, opErr.Op+": "+opErr.Err.Error()
	case errors.As(err, &send), status >= 500:
		e.Kind, e.Detail = ErrUnreachable, "the request could not be sent or was not answered"
	default:
		e.Detail = fmt.Sprintf("%T", err)
	}
	return e
}

var deniedCodes = map[string]bool{
	"AccessDenied": true, "InvalidAccessKeyId": true, "SignatureDoesNotMatch": true,
	"AllAccessDisabled": true, "ExpiredToken": true, "InvalidToken": true, "AccountProblem": true,
	// versitygw answers an unknown access key with 404 XAdminUserNotFound.
	"XAdminUserNotFound": true,
}

// safeCode keeps an S3 error code as the letters and digits it is made of:
// it comes from the server and is shown.
func safeCode(code string) string {
	code = strings.Map(func(r rune) rune {
		if r < 128 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.') {
			return r
		}
		return -1
	}, code)
	if len(code) > 64 {
		code = code[:64]
	}
	return code
}

// isPreconditionFailed: a conditional write or delete lost (412), or, on
// AWS, a concurrent conditional write in progress (409).
func isPreconditionFailed(err error) bool {
	var api smithy.APIError
	if errors.As(err, &api) {
		switch api.ErrorCode() {
		case "PreconditionFailed", "ConditionalRequestConflict":
			return true
		}
	}
	var resp *smithyhttp.ResponseError
	return errors.As(err, &resp) && resp.HTTPStatusCode() == 412
}

// isNotFound: the object does not exist (a HEAD answers 404 with no code).
func isNotFound(err error) bool {
	var api smithy.APIError
	if errors.As(err, &api) && (api.ErrorCode() == "NoSuchKey" || api.ErrorCode() == "NotFound") {
		return true
	}
	// A HEAD's 404 has no body, hence no code; any other code on a 404
	// (NoSuchBucket, a server's own) is a failure, not a missing object.
	var resp *smithyhttp.ResponseError
	return errors.As(err, &resp) && resp.HTTPStatusCode() == 404 && (!errors.As(err, &api) || api.ErrorCode() == "")
}
