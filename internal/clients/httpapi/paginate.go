package httpapi

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// fetchRemainingPages fetches pages 2..last of listing l once page 1 has
// revealed how many there are: at most max_parallel_requests requests at
// once (l's slots), returned in API order. The first failure cancels the
// rest and fails the whole listing.
//
// A page gives up its request slot once its body is read, before it is
// decoded, so the next request need not wait for the decoding; twice as many
// pages as slots bound the bodies held at once.
func fetchRemainingPages[T any](ctx context.Context, a *API, last int, fetch func(ctx context.Context, page int) (T, error)) ([]T, error) {
	if last < 2 {
		return nil, nil
	}
	pages := make([]T, last-1)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(2 * a.Parallelism())
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

// checkPaginator refuses a first page whose counts cannot all be true, or
// that promises more than one listing may read: the page count is never
// trusted over the total and the page size.
func checkPaginator(a *API, op string, total, size, pages int64) error {
	fail := func(format string, args ...any) error {
		return a.PaginationError(op+" page 1", fmt.Sprintf(format, args...))
	}
	switch {
	case total < 0:
		return fail("the reported total %d is negative", total)
	case total > MaxListingItems:
		return fail("the reported total of %d items is more than the %d one listing may read; refusing to read it", total, MaxListingItems)
	case size < 1:
		return fail("the reported page size %d is not positive", size)
	}
	want := max(1, (total+size-1)/size)
	switch {
	case pages != want && (total != 0 || pages != 0):
		return fail("the paginator does not add up: %d items at %d a page are %d pages, but it reports %d", total, size, want, pages)
	case pages > MaxListingPages:
		return fail("the reported %d pages are more than the %d one listing may read; refusing to read them", pages, MaxListingPages)
	}
	return nil
}

// checkPageItems fails a page that does not hold the items the paginator
// promised it: full pages before the last, the remainder on the last. An
// empty page before the last is how an endless listing looks.
func checkPageItems(a *API, op string, page int, total, size, pages int64, got int) error {
	want := size
	if int64(page) >= pages {
		want = total - (pages-1)*size
	}
	if pages == 0 {
		want = 0
	}
	if int64(got) == want {
		return nil
	}
	reason := fmt.Sprintf("page %d holds %d items, but a listing of %d items at %d a page puts %d on it", page, got, total, size, want)
	if got == 0 {
		reason = fmt.Sprintf("page %d is empty, but the listing reports %d items on %d pages", page, total, pages)
	}
	return a.PaginationError(fmt.Sprintf("%s page %d", op, page), reason)
}

// checkCount fails a listing whose items do not add up to the total the
// vendor reported: a short or doubled list must never reach a plan.
func checkCount(a *API, op string, got, total int) error {
	if got != total {
		return a.PaginationError(op, fmt.Sprintf("read %d items but the API reported a total of %d; the listing changed or a page was incomplete", got, total))
	}
	return nil
}

// CheckUnique fails a listing in which an item id appears twice, which
// happens when a server repeats a page.
func CheckUnique[T any, K comparable](a *API, op string, items []T, id func(T) K) error {
	seen := make(map[K]struct{}, len(items))
	for _, it := range items {
		k := id(it)
		if _, dup := seen[k]; dup {
			return a.PaginationError(op, fmt.Sprintf("item %s appears more than once; the server repeated a page", VendorText(fmt.Sprint(k), MaxVendorNameBytes)))
		}
		seen[k] = struct{}{}
	}
	return nil
}

// checkTotalStable fails a listing whose reported total changed between
// pages, since pages read across a change may skip or repeat items.
func checkTotalStable(a *API, op string, page int, first, now int64) error {
	if first != now {
		return a.PaginationError(op, fmt.Sprintf("the reported total changed from %d to %d at page %d while reading; try again", first, now, page))
	}
	return nil
}
