package httpapi

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// fetchSession is one listing's fetch traffic with the cache: the pages
// it fetched, to be stored once the whole fetch has passed its checks, and
// the cached copy, either replayed instead of the vendor or revalidated
// with it (If-None-Match, If-Modified-Since).
type fetchSession struct {
	api    *API
	copy   map[string]snapshot.Page // by URL; nil when there is none
	replay bool

	mu          sync.Mutex
	pages       []snapshot.Page
	revalidated int
	// changed counts pages answered 200 with other content than the
	// copy's (or not in it): beside a 304 they mean a mixed read.
	changed int
	// unconditional are the URLs asked for again without validators after
	// a 304 that could not be trusted (see notModified).
	unconditional map[string]bool
	// unstorable: a page URL holds a secret, so the read is not stored.
	unstorable bool
}

func pagesByURL(e *snapshot.Entry) map[string]snapshot.Page {
	if e == nil {
		return nil
	}
	m := make(map[string]snapshot.Page, len(e.Pages))
	for _, p := range e.Pages {
		m[p.URL] = p
	}
	return m
}

// fetchLive runs fn against the vendor; with a cache, it records every page
// and revalidates the pages of cached. A revalidation that confirmed some
// pages (304) while others came back changed would merge two versions of
// the list: the fetch is then run once more with no validators at all.
func (a *API) fetchLive(ctx context.Context, state *fetchState, cached *snapshot.Entry, fn fetchFunc) (sharedListing, error) {
	if a.cfg.Cache == nil {
		return a.fetchLiveOnce(ctx, state, nil, fn)
	}
	s := &fetchSession{api: a, copy: pagesByURL(cached)}
	r, err := a.fetchLiveOnce(ctx, state, s, fn)
	if confirmed, changed := s.counts(); confirmed > 0 && changed > 0 && ctx.Err() == nil {
		tflog.Debug(ctx, "Cache revalidation mixed confirmed and changed pages: reading the whole list again without validators",
			map[string]any{"vendor": a.name, "not_modified": confirmed, "changed": changed})
		return a.fetchLiveOnce(ctx, state, &fetchSession{api: a}, fn)
	}
	return r, err
}

func (a *API) fetchLiveOnce(ctx context.Context, state *fetchState, s *fetchSession, fn fetchFunc) (sharedListing, error) {
	v, err := fn(ctx, a.fetchListingOf(state, s))
	if err != nil {
		return sharedListing{}, err
	}
	r := sharedListing{value: v, fetchedAt: time.Now().UTC()}
	if s != nil {
		r.pages, r.revalidated = s.recorded()
	}
	return r, nil
}

// replay runs fn on the cached copy alone: every page comes from it,
// through the same decoding and checks as a live read, and a page it does
// not hold fails the replay. The data is as old as the copy.
func (a *API) replay(ctx context.Context, e snapshot.Entry, fn fetchFunc) (sharedListing, error) {
	s := &fetchSession{api: a, copy: pagesByURL(&e), replay: true}
	v, err := fn(ctx, a.fetchListingOf(&fetchState{api: a}, s))
	if err != nil {
		return sharedListing{}, err
	}
	return sharedListing{value: v, fetchedAt: e.FetchedAt}, nil
}

var errNotInCopy = errors.New("the cached copy does not hold this page")

// cachedPage is the copy's page at u.
func (s *fetchSession) cachedPage(u string) (snapshot.Page, bool) {
	p, ok := s.copy[u]
	return p, ok
}

// maxValidatorLength bounds an ETag or Last-Modified kept and sent back.
const maxValidatorLength = 256

// conditional sets on h the validators of the copy's page at u, if it has
// any and u is not to be asked for unconditionally, and returns that page
// and whether a validator was set.
func (s *fetchSession) conditional(h http.Header, u string) (snapshot.Page, bool) {
	if s == nil {
		return snapshot.Page{}, false
	}
	s.mu.Lock()
	skip := s.unconditional[u]
	s.mu.Unlock()
	p, ok := s.cachedPage(u)
	if !ok || skip || (p.ETag == "" && p.LastModified == "") {
		return snapshot.Page{}, false
	}
	if p.ETag != "" {
		h.Set("If-None-Match", p.ETag)
	}
	if p.LastModified != "" {
		h.Set("If-Modified-Since", p.LastModified)
	}
	return p, true
}

// record keeps a page fetched live, or confirmed by a 304 (notModified,
// its body then the copy's). A 304's own validators are never kept: the
// copy's stay, as it is the copy's body that is kept. Validators too long
// to be real, or holding a secret in any encoding, are dropped rather
// than stored and sent back: the page is kept as one without validators.
func (s *fetchSession) record(ctx context.Context, u string, body []byte, h http.Header, notModified bool) {
	cached, inCopy := s.cachedPage(u)
	p := snapshot.Page{URL: u, Body: body}
	if notModified {
		p.ETag, p.LastModified = cached.ETag, cached.LastModified
	} else {
		p.ETag, p.LastModified = s.validator(ctx, "ETag", h), s.validator(ctx, "Last-Modified", h)
	}
	unstorable := s.api.cfg.Secrets.HoldsEncoded(u)
	if unstorable {
		tflog.Debug(ctx, "Cache: a page URL holds a secret; this read is not stored", map[string]any{"vendor": s.api.name})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.unstorable = s.unstorable || unstorable
	switch {
	case notModified:
		s.revalidated++
	case s.copy != nil && (!inCopy || !bytes.Equal(body, cached.Body)):
		s.changed++
	}
	s.pages = append(s.pages, p)
}

// validator is h's header name when it may be kept; its value is never
// logged, as it may be what made it unfit.
func (s *fetchSession) validator(ctx context.Context, name string, h http.Header) string {
	v := h.Get(name)
	switch {
	case v == "":
		return ""
	case len(v) > maxValidatorLength:
		tflog.Debug(ctx, "Cache: validator dropped, too long to be real", map[string]any{"vendor": s.api.name, "header": name, "length": len(v)})
		return ""
	case s.api.cfg.Secrets.HoldsEncoded(v):
		tflog.Debug(ctx, "Cache: validator dropped, it holds a secret", map[string]any{"vendor": s.api.name, "header": name})
		return ""
	}
	return v
}

// counts are how many pages the read saw confirmed (304) and changed.
func (s *fetchSession) counts() (confirmed, changed int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revalidated, s.changed
}

// recorded are the pages in URL order, and how many came back 304; no
// pages when one of them cannot be stored.
func (s *fetchSession) recorded() ([]snapshot.Page, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.unstorable {
		return nil, s.revalidated
	}
	pages := slices.Clone(s.pages)
	slices.SortFunc(pages, func(a, b snapshot.Page) int { return cmp.Compare(a.URL, b.URL) })
	return pages, s.revalidated
}
