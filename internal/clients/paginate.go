package clients

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// fetchRemainingPages fetches pages 2..last once page 1 has revealed how many
// there are: at most the client's max_parallel_requests at once, returned in
// API order. The first failure cancels the rest and fails the whole listing.
func fetchRemainingPages[T any](ctx context.Context, a *api, last int, fetch func(ctx context.Context, page int) (T, error)) ([]T, error) {
	if last < 2 {
		return nil, nil
	}
	pages := make([]T, last-1)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(a.parallelism())
	for page := 2; page <= last; page++ {
		g.Go(func() error {
			p, err := fetch(ctx, page)
			if err != nil {
				return err
			}
			pages[page-2] = p
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return pages, nil
}

// checkCount fails a listing whose items do not add up to the total the
// vendor reported: a short or doubled list must never reach a plan.
func checkCount(a *api, op string, got, total int) error {
	if got != total {
		return &PaginationError{Vendor: a.vendor.name, Operation: op, Reason: fmt.Sprintf("read %d items but the API reported a total of %d; the listing changed or a page was incomplete", got, total)}
	}
	return nil
}

// checkUnique fails a listing in which an item id appears twice, which
// happens when a server repeats a page.
func checkUnique[T any, K comparable](a *api, op string, items []T, id func(T) K) error {
	seen := make(map[K]struct{}, len(items))
	for _, it := range items {
		k := id(it)
		if _, dup := seen[k]; dup {
			return &PaginationError{Vendor: a.vendor.name, Operation: op, Reason: fmt.Sprintf("item %v appears more than once; the server repeated a page", k)}
		}
		seen[k] = struct{}{}
	}
	return nil
}

// checkTotalStable fails a listing whose reported total changed between
// pages, since pages read across a change may skip or repeat items.
func checkTotalStable(a *api, op string, page int, first, now int64) error {
	if first != now {
		return &PaginationError{Vendor: a.vendor.name, Operation: op, Reason: fmt.Sprintf("the reported total changed from %d to %d at page %d while reading; try again", first, now, page)}
	}
	return nil
}
