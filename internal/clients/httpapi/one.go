package httpapi

import (
	"context"
	"net/http"
	"net/url"
)

// One declares a read of a single resource: one GET whose body, decoded as
// JSON into B, the vendor checks and turns into the T its callers get.
type One[B any, T any] struct {
	// Op names the read in errors ("get plan").
	Op string
	// URL is the resource's URL.
	URL *url.URL
	// Header is the request's headers (nil: none).
	Header http.Header
	// Check accepts the body, decoded from u, and converts it, or says why
	// not: a body without an id, or another resource than the one asked for.
	Check func(op string, u *url.URL, b *B) (T, error)
}

// Read is the read of the resource o declares, as a's key, with the same
// request bounds, cache and pacing as a listing of one page.
func (o One[B, T]) Read(a *API, key string) Read[T] {
	return Read[T]{run: func(ctx context.Context) (T, Fetched, error) {
		return readShared(a.MaskSecrets(ctx), a, key, func(ctx context.Context, ls *listing) (T, error) {
			var b B
			if err := a.getJSON(ctx, ls, o.Op, o.URL, o.Header, &b); err != nil {
				var zero T
				return zero, err
			}
			return o.Check(o.Op, o.URL, &b)
		})
	}}
}
