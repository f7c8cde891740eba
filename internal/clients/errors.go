package clients

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// APIError is a non-2xx answer, rendered from the vendor's own error body.
type APIError struct {
	Vendor     string
	Operation  string
	URL        string
	StatusCode int
	Message    string
	Code       string
	Fields     []FieldError
	// GaveUp is set when the status is one that is retried and the
	// retries ran out.
	GaveUp *GiveUp
}

// GiveUp tells how hard a read tried before it gave up on a status.
type GiveUp struct {
	Tries   int
	Elapsed time.Duration
	// LastWait is what the vendor last asked to wait (Retry-After or
	// X-Rate-Limit-Reset), when LastWaitAsked; waits are capped at WaitCap.
	LastWait      time.Duration
	LastWaitAsked bool
	WaitCap       time.Duration
}

func (g *GiveUp) String() string {
	s := fmt.Sprintf("gave up after %d tries over %s", g.Tries, g.Elapsed.Round(time.Millisecond))
	if g.LastWaitAsked {
		s += fmt.Sprintf("; the vendor last asked to wait %s", g.LastWait.Round(time.Millisecond))
		if g.LastWait > g.WaitCap {
			s += fmt.Sprintf(" (each wait is capped at %s)", g.WaitCap)
		}
	}
	return s
}

// FieldError is one field's validation message from an error body.
type FieldError struct {
	Field   string
	Message string
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: HTTP %d %s", e.Vendor, e.Operation, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Code != "" {
		fmt.Fprintf(&b, " (code %s)", e.Code)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "\n  - %s: %s", f.Field, f.Message)
	}
	if e.GaveUp != nil {
		fmt.Fprintf(&b, "\n(%s)", e.GaveUp)
	}
	return b.String()
}

// IsStatus reports whether err is an APIError with the given HTTP status.
func IsStatus(err error, status int) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == status
}

// ResponseError is a request that got no usable answer: a transport failure,
// a timeout, a body over the size cap, or a body that is not the JSON the
// vendor documents.
type ResponseError struct {
	Vendor    string
	Operation string
	URL       string
	Err       error
}

func (e *ResponseError) Error() string {
	return fmt.Sprintf("%s: %s (GET %s): %v", e.Vendor, e.Operation, e.URL, e.Err)
}

func (e *ResponseError) Unwrap() error { return e.Err }

// PaginationError is a listing that cannot be trusted to be complete or
// single: a link that leaves the configured host, a page seen twice, or a
// total that does not match what was read.
type PaginationError struct {
	Vendor    string
	Operation string
	Reason    string
}

func (e *PaginationError) Error() string {
	return fmt.Sprintf("%s: %s: %s", e.Vendor, e.Operation, e.Reason)
}

// NotFoundError is a lookup that matched nothing.
type NotFoundError struct {
	Vendor string
	What   string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s: %s not found", e.Vendor, e.What) }

// vendorMessage is what a vendor's error body says, in a common shape.
type vendorMessage struct {
	Message string
	Code    string
	Fields  []FieldError
}

// snippet is a short, printable excerpt of a body that is not a known
// error shape (an HTML page from a proxy, say).
func snippet(body []byte) string {
	const limit = 200
	s := strings.TrimSpace(string(body))
	if !utf8.ValidString(s) {
		return fmt.Sprintf("(%d bytes of non-text body)", len(body))
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > limit {
		// Cut on a character boundary: diagnostics reach Terraform over
		// gRPC, which refuses a string that is not valid UTF-8.
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
