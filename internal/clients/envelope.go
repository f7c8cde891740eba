package clients

import (
	"fmt"
	"net/url"
	"strings"
)

// missingField is the error for a body that lacks a field the vendor
// documents as always present, or sends it as null: a listing read from
// such a body could only be guessed at, so the read fails instead.
func (a *api) missingField(op string, u *url.URL, field string) error {
	return &ResponseError{Vendor: a.vendor.name, Operation: op, URL: redactURL(u),
		Err: fmt.Errorf("field %s is missing or null; the response is not the documented shape", field)}
}

// requireFields fails on the first of fields whose presence is false.
func (a *api) requireFields(op string, u *url.URL, fields ...field) error {
	for _, f := range fields {
		if !f.present {
			return a.missingField(op, u, f.name)
		}
	}
	return nil
}

type field struct {
	name    string
	present bool
}

// requireIDs fails on the first item whose identity is missing: an item
// that cannot be told apart from another must never reach a plan.
func requireIDs[T any](a *api, op string, u *url.URL, list string, items []T, hasID func(T) bool) error {
	for i, it := range items {
		if !hasID(it) {
			return a.missingField(op, u, fmt.Sprintf("%s[%d].id", list, i))
		}
	}
	return nil
}

// nextLink parses a next-page link and refuses one that would take the
// credential anywhere but this listing: it must be absolute, on the
// configured origin, and name the listing's own endpoint path.
func (a *api) nextLink(op, name, raw string, endpoint *url.URL) (*url.URL, error) {
	fail := func(reason string) error {
		return &PaginationError{Vendor: a.vendor.name, Operation: op, Reason: fmt.Sprintf("%s %s; refusing to follow it", name, reason)}
	}
	next, err := url.Parse(raw)
	if err != nil || !next.IsAbs() {
		return nil, fail(fmt.Sprintf("%q is not an absolute URL", snippet([]byte(raw))))
	}
	if !sameOrigin(a.base, next) {
		return nil, fail(fmt.Sprintf("%s points outside the configured base URL (%s://%s)", redactURL(next), a.base.Scheme, a.base.Host))
	}
	if strings.TrimSuffix(next.EscapedPath(), "/") != strings.TrimSuffix(endpoint.EscapedPath(), "/") {
		return nil, fail(fmt.Sprintf("%s points to another path than the listing's %s", redactURL(next), endpoint.EscapedPath()))
	}
	return next, nil
}
