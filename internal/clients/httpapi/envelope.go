package httpapi

import (
	"fmt"
	"net/url"
	"strings"
)

// missingField is the error for a body that lacks a field the vendor
// documents as always present, or sends it as null: a listing read from
// such a body could only be guessed at, so the read fails instead.
func (a *API) missingField(op string, u *url.URL, field string) error {
	return a.ResponseError(op, u, fmt.Errorf("field %s is missing or null; the response is not the documented shape", field))
}

// Field is one documented field of a body and whether the body has it.
type Field struct {
	// Name is the field's JSON path ("pagination.total").
	Name string
	// Present is false when the body lacks the field or sends null.
	Present bool
}

// RequireFields fails on the first of fields that is not Present, with a
// ResponseError naming op, u and the field.
func (a *API) RequireFields(op string, u *url.URL, fields ...Field) error {
	for _, f := range fields {
		if !f.Present {
			return a.missingField(op, u, f.Name)
		}
	}
	return nil
}

// RequireIDs fails on the first item whose identity is missing (hasID is
// false), naming it list[i].id: an item that cannot be told apart from
// another must never reach a plan.
func RequireIDs[T any](a *API, op string, u *url.URL, list string, items []T, hasID func(T) bool) error {
	for i, it := range items {
		if !hasID(it) {
			return a.missingField(op, u, fmt.Sprintf("%s[%d].id", list, i))
		}
	}
	return nil
}

// NextLink parses a next-page link (the body field name holds raw) and
// refuses one that would take the credential anywhere but this listing: it
// must be absolute, on the configured origin, and name the listing's own
// endpoint path.
func (a *API) NextLink(op, name, raw string, endpoint *url.URL) (*url.URL, error) {
	fail := func(reason string) error {
		return a.PaginationError(op, fmt.Sprintf("%s %s; refusing to follow it", name, reason))
	}
	next, err := url.Parse(raw)
	if err != nil || !next.IsAbs() {
		return nil, fail(fmt.Sprintf("%q is not an absolute URL", Snippet([]byte(raw))))
	}
	if !SameOrigin(a.base, next) {
		return nil, fail(fmt.Sprintf("%s points outside the configured base URL (%s://%s)", RedactURL(next), a.base.Scheme, a.base.Host))
	}
	if strings.TrimSuffix(next.EscapedPath(), "/") != strings.TrimSuffix(endpoint.EscapedPath(), "/") {
		return nil, fail(fmt.Sprintf("%s points to another path than the listing's %s", RedactURL(next), endpoint.EscapedPath()))
	}
	return next, nil
}
