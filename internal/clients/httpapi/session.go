package httpapi

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// readSession is one shared read's traffic with the cache: the pages it
// fetched, to be stored once the whole read has passed its checks, and the
// cached copy, either replayed instead of the vendor or revalidated with
// it (If-None-Match, If-Modified-Since).
type readSession struct {
	api    *API
	copy   map[string]snapshot.Page // by URL; nil when there is none
	replay bool

	mu          sync.Mutex
	pages       []snapshot.Page
	revalidated int
}

type sessionKey struct{}

func withSession(ctx context.Context, s *readSession) context.Context {
	return context.WithValue(ctx, sessionKey{}, s)
}

// sessionFrom is the session of a's read that ctx belongs to, if any.
func sessionFrom(ctx context.Context, a *API) *readSession {
	s, _ := ctx.Value(sessionKey{}).(*readSession)
	if s == nil || s.api != a {
		return nil
	}
	return s
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

// readLive runs fn against the vendor; with a cache, it records every page
// and revalidates the pages of cached.
func (a *API) readLive(ctx context.Context, cached *snapshot.Entry, fn func(ctx context.Context) (any, error)) (sharedRead, error) {
	var s *readSession
	if a.cfg.Cache != nil {
		s = &readSession{api: a, copy: pagesByURL(cached)}
		ctx = withSession(ctx, s)
	}
	v, err := fn(ctx)
	if err != nil {
		return sharedRead{}, err
	}
	r := sharedRead{value: v, fetchedAt: time.Now().UTC()}
	if s != nil {
		r.pages, r.revalidated = s.recorded()
	}
	return r, nil
}

// replay runs fn on the cached copy alone: every page comes from it,
// through the same decoding and checks as a live read, and a page it does
// not hold fails the replay. The data is as old as the copy.
func (a *API) replay(ctx context.Context, e snapshot.Entry, fn func(ctx context.Context) (any, error)) (sharedRead, error) {
	s := &readSession{api: a, copy: pagesByURL(&e), replay: true}
	v, err := fn(withSession(ctx, s))
	if err != nil {
		return sharedRead{}, err
	}
	return sharedRead{value: v, fetchedAt: e.FetchedAt}, nil
}

var errNotInCopy = errors.New("the cached copy does not hold this page")

// cachedPage is the copy's page at u.
func (s *readSession) cachedPage(u string) (snapshot.Page, bool) {
	p, ok := s.copy[u]
	return p, ok
}

// maxValidatorLength bounds an ETag or Last-Modified kept and sent back.
const maxValidatorLength = 256

// setConditional asks the vendor to answer 304 if the cached page is still
// current.
func setConditional(h http.Header, p snapshot.Page) {
	if p.ETag != "" {
		h.Set("If-None-Match", p.ETag)
	}
	if p.LastModified != "" {
		h.Set("If-Modified-Since", p.LastModified)
	}
}

// record keeps a page fetched live, or confirmed by a 304 (notModified,
// its body then the cached one); validators too long to be real are
// dropped rather than sent back.
func (s *readSession) record(u string, body []byte, h http.Header, notModified bool) {
	p := snapshot.Page{URL: u, Body: body, ETag: validator(h.Get("ETag")), LastModified: validator(h.Get("Last-Modified"))}
	if cached, ok := s.cachedPage(u); notModified && ok {
		// A 304 need not repeat the validators.
		p.ETag, p.LastModified = cmp.Or(p.ETag, cached.ETag), cmp.Or(p.LastModified, cached.LastModified)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if notModified {
		s.revalidated++
	}
	s.pages = append(s.pages, p)
}

func validator(v string) string {
	if len(v) > maxValidatorLength {
		return ""
	}
	return v
}

// recorded are the pages in URL order, and how many came back 304.
func (s *readSession) recorded() ([]snapshot.Page, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pages := slices.Clone(s.pages)
	slices.SortFunc(pages, func(a, b snapshot.Page) int { return cmp.Compare(a.URL, b.URL) })
	return pages, s.revalidated
}
