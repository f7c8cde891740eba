package httpapi

import "context"

// Read is one read a vendor's client declares (NumberedPages.Read,
// LinkedPages.Read, One.Read), bound to its API and key and ready to run.
// Whoever runs it hands it straight to this package, which drives every
// request, page and check of it; the vendor's code only answers the
// declaration's questions (which URL, does this page pass, what are its
// items).
type Read[T any] struct {
	run func(ctx context.Context) (T, Fetched, error)
}

// Run reads, once per key for the life of the API: every caller of the key
// shares one fetch (see readShared), so callers must not modify the result.
func (r Read[T]) Run(ctx context.Context) (T, Fetched, error) { return r.run(ctx) }
