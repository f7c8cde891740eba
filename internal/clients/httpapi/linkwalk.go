package httpapi

import (
	"fmt"
	"net/url"
	"strings"
)

// LinkWalk guards a listing read by following next links one page at a
// time: it stops a walk that loops or never ends before the page is asked
// for.
type LinkWalk struct {
	api     *API
	name    string         // the link's field, in errors ("pagination.next")
	visited map[string]int // page key to the page it was read as
}

// NewLinkWalk starts a walk whose links are in the body field name.
func (a *API) NewLinkWalk(name string) *LinkWalk {
	return &LinkWalk{api: a, name: name, visited: map[string]int{}}
}

// Check is called before page (from 1) is read from next, with the items
// read so far: it fails past MaxListingPages or MaxListingItems, and when
// next names a page already read, however the server spells it.
func (w *LinkWalk) Check(op string, page, items int, next *url.URL) error {
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
