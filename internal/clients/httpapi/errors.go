package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// APIError is a non-2xx answer, rendered from the vendor's own error body.
type APIError struct {
	// Vendor and Operation name what was asked; URL is where, redacted.
	Vendor, Operation, URL string
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Message, Code and Fields are what the vendor's error body says.
	Message string
	Code    string
	Fields  []FieldError
	// GaveUp is set when the status is one that is retried and the
	// retries ran out.
	GaveUp *GiveUp
}

// GiveUp tells how hard a read tried before it gave up on a status.
type GiveUp struct {
	// Tries is how many attempts were made, over Elapsed.
	Tries   int
	Elapsed time.Duration
	// LastWait is what the vendor last asked to wait (Retry-After or
	// X-Rate-Limit-Reset), when LastWaitAsked; waits are capped at WaitCap.
	LastWait      time.Duration
	LastWaitAsked bool
	WaitCap       time.Duration
	// Throttling, when set, says how long a throttled read waited before
	// rate_limit_wait ended it, instead of the tries.
	Throttling string
}

// String says how hard the read tried, for an error message.
func (g *GiveUp) String() string {
	if g.Throttling != "" {
		return g.Throttling
	}
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
	// Field is the field's name as the vendor gives it.
	Field string
	// Message is the vendor's text for the field.
	Message string
}

// Error renders the answer: vendor, operation, status, message, code, and
// each field's message on a line of its own, each cut to its bound
// (MaxVendorMessageBytes and the others): the vendor's text is unbounded.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: HTTP %d %s", e.Vendor, e.Operation, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", VendorText(e.Message, MaxVendorMessageBytes))
	}
	if e.Code != "" {
		fmt.Fprintf(&b, " (code %s)", VendorText(e.Code, MaxVendorNameBytes))
	}
	for _, f := range e.Fields[:min(len(e.Fields), MaxVendorFieldErrors)] {
		fmt.Fprintf(&b, "\n  - %s: %s", VendorText(f.Field, MaxVendorNameBytes), VendorText(f.Message, MaxVendorMessageBytes))
	}
	if more := len(e.Fields) - MaxVendorFieldErrors; more > 0 {
		fmt.Fprintf(&b, "\n  (and %d more field errors)", more)
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
	// Vendor and Operation name what was asked; URL is where, redacted.
	Vendor, Operation, URL string
	// Err is why no usable answer came.
	Err error
}

// Error renders the failure with the request it belongs to.
func (e *ResponseError) Error() string {
	return fmt.Sprintf("%s: %s (GET %s): %v", e.Vendor, e.Operation, VendorText(e.URL, MaxVendorURLBytes), e.Err)
}

// Unwrap is the underlying failure.
func (e *ResponseError) Unwrap() error { return e.Err }

// PaginationError is a listing that cannot be trusted to be complete or
// single: a link that leaves the configured host, a page seen twice, or a
// total that does not match what was read.
type PaginationError struct {
	// Vendor and Operation name the listing and page.
	Vendor, Operation string
	// Reason says why the listing cannot be trusted.
	Reason string
}

// Error renders the reason with the listing it belongs to.
func (e *PaginationError) Error() string {
	// A reason may quote a vendor's link of any length.
	return fmt.Sprintf("%s: %s: %s", e.Vendor, e.Operation, VendorText(e.Reason, MaxVendorURLBytes+MaxVendorMessageBytes))
}

// Message is what a vendor's error body says, in a common shape.
type Message struct {
	// Message is the human-readable text.
	Message string
	// Code is the vendor's error code, if any.
	Code string
	// Fields are the per-field validation messages.
	Fields []FieldError
}

// ResponseError is a ResponseError of this vendor for op on u, with the
// URL's user information dropped.
func (a *API) ResponseError(op string, u *url.URL, err error) error {
	return &ResponseError{Vendor: a.name, Operation: op, URL: RedactURL(u), Err: err}
}

// PaginationError is a PaginationError of this vendor for op.
func (a *API) PaginationError(op, reason string) error {
	return &PaginationError{Vendor: a.name, Operation: op, Reason: reason}
}

// ShortText is s cut to at most maxRunes characters, marked "…" when
// cut, for a vendor's value quoted in a diagnostic: a hostile vendor
// cannot fill the terminal with it.
func ShortText(s string, maxRunes int) string {
	if r := []rune(s); len(r) > maxRunes {
		return string(r[:maxRunes]) + "…"
	}
	return s
}

// Snippet is a short, printable excerpt of a body that is not a known
// error shape (an HTML page from a proxy, say).
func Snippet(body []byte) string {
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
