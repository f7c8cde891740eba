package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// LinkedPages declares a listing read by following each page's next link:
// its body carries no total or page count, so its pages are read one by
// one. The vendor only answers questions about its pages; its Read
// makes every request and follows every link.
// P is the page's body, decoded as JSON; T an item; K an item's identity.
type LinkedPages[P any, T any, K comparable] struct {
	// Op names the listing in errors ("list plans"); page n's requests
	// and checks are named "<Op> page <n>".
	Op string
	// First is the first page's URL, and the endpoint every next link
	// must stay on (see NextLink).
	First *url.URL
	// Header is every request's headers (nil: none).
	Header http.Header
	// Link names the next link's field in errors ("pagination.next").
	Link string
	// Check accepts a page, decoded from u, or says why not, and returns
	// its next link as sent: "" on the last page.
	Check func(op string, u *url.URL, p *P) (next string, err error)
	// Items are a page's items.
	Items func(*P) []T
	// ID is an item's identity; no two items may share one.
	ID func(T) K
	// Failed, when set, may add the vendor's own explanation to the error
	// of a page's request (a withdrawn endpoint's 404).
	Failed func(err error) error
}

// Read is the read of the listing l declares, as a's key: from First, page after page along the next links,
// each refused before it is asked for when it leaves the listing's endpoint,
// repeats a page, or passes MaxListingPages or MaxListingItems; no id may
// appear twice.
func (l LinkedPages[P, T, K]) Read(a *API, key string) Read[[]T] {
	return Read[[]T]{run: func(ctx context.Context) ([]T, Fetched, error) {
		return readShared(a.MaskSecrets(ctx), a, key, func(ctx context.Context, ls *listing) ([]T, error) {
			return readLinkedPages(ctx, a, ls, l)
		})
	}}
}

func readLinkedPages[P any, T any, K comparable](ctx context.Context, a *API, ls *listing, l LinkedPages[P, T, K]) ([]T, error) {
	walk := a.newLinkWalk(l.Link)
	var items []T
	for page, next := 1, l.First; next != nil; page++ {
		op := fmt.Sprintf("%s page %d", l.Op, page)
		if err := walk.Check(op, page, len(items), next); err != nil {
			return nil, err
		}
		var p P
		if err := a.getJSON(ctx, ls, op, next, l.Header, &p); err != nil {
			if l.Failed != nil {
				err = l.Failed(err)
			}
			return nil, err
		}
		link, err := l.Check(op, next, &p)
		if err != nil {
			return nil, err
		}
		items = append(items, l.Items(&p)...)
		if next = nil; link != "" {
			if next, err = a.NextLink(op, l.Link, link, l.First); err != nil {
				return nil, err
			}
		}
	}
	if err := CheckUnique(a, l.Op, items, l.ID); err != nil {
		return nil, err
	}
	return items, nil
}

// linkWalk guards a listing read by following next links one page at a
// time: it stops a walk that loops or never ends before the page is asked
// for.
type linkWalk struct {
	api     *API
	name    string         // the link's field, in errors ("pagination.next")
	visited map[string]int // page key to the page it was read as
}

// newLinkWalk starts a walk whose links are in the body field name.
func (a *API) newLinkWalk(name string) *linkWalk {
	return &linkWalk{api: a, name: name, visited: map[string]int{}}
}

// Check is called before page (from 1) is read from next, with the items
// read so far: it fails past MaxListingPages or MaxListingItems, and when
// next names a page already read, however the server spells it.
func (w *linkWalk) Check(op string, page, items int, next *url.URL) error {
	switch {
	case page > MaxListingPages:
		return w.api.PaginationError(op, fmt.Sprintf("the listing still had a next link after %d pages, the most one listing may read; giving up rather than follow it forever", MaxListingPages))
	case items > MaxListingItems:
		return w.api.PaginationError(op, fmt.Sprintf("the listing passed %d items, the most one listing may read; giving up", MaxListingItems))
	}
	key := pageKey(next)
	if seenAt, seen := w.visited[key]; seen {
		return w.api.PaginationError(op, fmt.Sprintf("%s %s repeats page %d; the pagination loops", w.name, RedactURL(next), seenAt))
	}
	w.visited[key] = page
	return nil
}

// pageKey identifies a page URL regardless of how the server spells it:
// host case and query parameter order do not make a new page.
func pageKey(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Hostname()) + ":" + effectivePort(u) + u.EscapedPath() + "?" + u.Query().Encode()
}
