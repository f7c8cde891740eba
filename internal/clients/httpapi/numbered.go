package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// NumberedPages declares a listing whose first page tells how many pages
// and items there are (a last page number, a total, a page count), so that
// the other pages can be fetched by number, concurrently. The vendor only
// answers questions about its pages; its Read makes every request.
// P is the page's body, decoded as JSON; T an item; K an item's identity.
type NumberedPages[P any, T any, K comparable] struct {
	// Op names the listing in errors ("list plans"); page n's requests
	// and checks are named "<Op> page <n>".
	Op string
	// Request is the URL and headers (nil: none) of page (from 1).
	Request func(page int) (*url.URL, http.Header)
	// Check accepts page, decoded from u, or says why not: missing
	// fields, ids, or a page other than the one asked for.
	Check func(op string, u *url.URL, page int, p *P) error
	// Pages is the page count the first page reports.
	Pages func(*P) int64
	// Size is the item count of every page but the last.
	Size func(*P) int64
	// Total is the item count a page reports.
	Total func(*P) int64
	// Items are a page's items.
	Items func(*P) []T
	// ID is an item's identity; no two items may share one.
	ID func(T) K
	// PageSize is what was asked of the page size (zero: no rule).
	PageSize PageSizeRule
}

// Read is the read of the listing l declares, as a's key: page 1, then the
// rest concurrently, giving every item in API order. Page 1's paginator must
// add up (pages = ⌈total / size⌉, within MaxListingPages and
// MaxListingItems) before page 2 is asked for; every page must pass l's
// Check and hold exactly the items that paginator promises it, with the
// same total; and no id may appear twice, so the items are as many as the
// total.
func (l NumberedPages[P, T, K]) Read(a *API, key string) Read[[]T] {
	return Read[[]T]{run: func(ctx context.Context) ([]T, Fetched, error) {
		return readShared(a.MaskSecrets(ctx), a, key, func(ctx context.Context, ls *listing) ([]T, error) {
			items, _, err := readNumberedPages(ctx, a, ls, l)
			return items, err
		})
	}}
}

// readNumberedPages reads every page of l as part of ls.
func readNumberedPages[P any, T any, K comparable](ctx context.Context, a *API, ls *listing, l NumberedPages[P, T, K]) ([]T, int64, error) {
	first, err := l.page(ctx, a, ls, 1)
	if err != nil {
		return nil, 0, err
	}
	total, size, last := l.Total(first), l.Size(first), l.Pages(first)
	if err := checkPaginator(a, l.Op, total, size, last); err != nil {
		return nil, 0, err
	}
	if err := checkPageSize(a, l.Op, l.PageSize, size, last); err != nil {
		return nil, 0, err
	}
	if err := checkPageItems(a, l.Op, 1, total, size, last, len(l.Items(first))); err != nil {
		return nil, 0, err
	}
	rest, err := fetchRemainingPages(ctx, a, int(last), func(ctx context.Context, page int) (*P, error) {
		p, err := l.page(ctx, a, ls, page)
		if err == nil {
			err = checkTotalStable(a, l.Op, page, total, l.Total(p))
		}
		if err == nil {
			err = checkPageItems(a, l.Op, page, total, size, last, len(l.Items(p)))
		}
		return p, err
	})
	if err != nil {
		return nil, 0, err
	}
	items := append(make([]T, 0, total), l.Items(first)...)
	for _, p := range rest {
		items = append(items, l.Items(p)...)
	}
	if err := checkCount(a, l.Op, len(items), int(total)); err != nil {
		return nil, 0, err
	}
	if err := CheckUnique(a, l.Op, items, l.ID); err != nil {
		return nil, 0, err
	}
	return items, total, nil
}

// page reads page (from 1) as part of ls and has the vendor check it.
func (l NumberedPages[P, T, K]) page(ctx context.Context, a *API, ls *listing, page int) (*P, error) {
	op := fmt.Sprintf("%s page %d", l.Op, page)
	u, header := l.Request(page)
	var p P
	if err := a.getJSON(ctx, ls, op, u, header, &p); err != nil {
		return nil, err
	}
	if err := l.Check(op, u, page, &p); err != nil {
		return nil, err
	}
	return &p, nil
}
