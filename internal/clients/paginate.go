package clients

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// fetchRemainingPages fetches pages 2..last once page 1 has revealed how many
// there are: at most the client's max_parallel_requests requests at once,
// returned in API order. The first failure cancels the rest and fails the
// whole listing.
//
// A page gives up its request slot once its body is read, before it is
// decoded, so the next request need not wait for the decoding; twice as many
// pages as slots bound the bodies held at once.
func fetchRemainingPages[T any](ctx context.Context, a *api, last int, fetch func(ctx context.Context, page int) (T, error)) ([]T, error) {
	if last < 2 {
		return nil, nil
	}
	pages := make([]T, last-1)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(2 * a.parallelism())
	ctx = withRequestSlots(ctx, a.parallelism())
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

// numberedPages is a listing whose first page tells how many pages and
// items there are (identifAI's last_page, Paygentic's total, Probely's
// page_total).
type numberedPages[P any, T any, K comparable] struct {
	op    string                                         // "list plans", for errors
	fetch func(ctx context.Context, page int) (P, error) // page from 1
	pages func(P) int                                    // page count the first page reports
	total func(P) int64                                  // item count a page reports
	items func(P) []T
	id    func(T) K
}

// readNumberedPages reads page 1, then the rest concurrently, and returns
// every item in API order with the reported total. The listing fails if the
// total moves between pages, or if the items read are not exactly the total
// with no id twice.
func readNumberedPages[P any, T any, K comparable](ctx context.Context, a *api, l numberedPages[P, T, K]) ([]T, int64, error) {
	first, err := l.fetch(ctx, 1)
	if err != nil {
		return nil, 0, err
	}
	total := l.total(first)
	rest, err := fetchRemainingPages(ctx, a, l.pages(first), func(ctx context.Context, page int) (P, error) {
		p, err := l.fetch(ctx, page)
		if err == nil {
			err = checkTotalStable(a, l.op, page, total, l.total(p))
		}
		return p, err
	})
	if err != nil {
		return nil, 0, err
	}
	items := append([]T(nil), l.items(first)...)
	for _, p := range rest {
		items = append(items, l.items(p)...)
	}
	if err := checkCount(a, l.op, len(items), int(total)); err != nil {
		return nil, 0, err
	}
	if err := checkUnique(a, l.op, items, l.id); err != nil {
		return nil, 0, err
	}
	return items, total, nil
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

type requestSlotsKey struct{}

// withRequestSlots makes every request made with ctx hold one of n slots
// while it is in flight (see api.get).
func withRequestSlots(ctx context.Context, n int) context.Context {
	return context.WithValue(ctx, requestSlotsKey{}, semaphore.NewWeighted(int64(n)))
}

// acquireRequestSlot waits for a request slot when ctx carries some, and
// returns the function that gives it back.
func acquireRequestSlot(ctx context.Context) (release func(), err error) {
	slots, ok := ctx.Value(requestSlotsKey{}).(*semaphore.Weighted)
	if !ok {
		return func() {}, nil
	}
	if err := slots.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	return func() { slots.Release(1) }, nil
}
