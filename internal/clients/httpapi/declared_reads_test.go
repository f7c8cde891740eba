package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// The declared reads (the Read of NumberedPages, LinkedPages and One) make
// every request themselves: these tests hold that each asks what the
// declaration says, runs its check on every page, and shares its result
// under its key.

func TestReadNumberedPagesAsksEachDeclaredPageAndRunsItsCheck(t *testing.T) {
	t.Parallel()
	refuse := func(at int) func(op string, u *url.URL, page int, p *numberedPage) error {
		return func(op string, u *url.URL, page int, p *numberedPage) error {
			if page == at {
				return fmt.Errorf("%s (%s): refused", op, u.Query().Get("page"))
			}
			return nil
		}
	}
	for _, tc := range []struct {
		name      string
		check     func(op string, u *url.URL, page int, p *numberedPage) error
		wantErr   string
		wantCalls int32 // 0: any
	}{
		{name: "a listing whose every page passes its check is read in full, each page once", wantCalls: 3},
		{name: "page 1 refused by its check fails the read before page 2 is asked for", check: refuse(1), wantErr: "list plans page 1 (1): refused", wantCalls: 1},
		{name: "a later page refused by its check fails the read with the check's error", check: refuse(3), wantErr: "list plans page 3 (3): refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var headers sync.Map // page to its X-Listing header
			s := &numberedServer{total: 25, size: 10}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				headers.Store(r.URL.Query().Get("page"), r.Header.Get("X-Listing"))
				s.ServeHTTP(w, r)
			}))
			defer srv.Close()
			a := newTestAPI(t, srv)
			spec := numberedPlans(a)
			spec.Request = func(page int) (*url.URL, http.Header) {
				return a.Endpoint("/plans", url.Values{"page": {strconv.Itoa(page)}}), http.Header{"X-Listing": {"plans"}}
			}
			var checked sync.Map // page to the op and page its check was given
			spec.Check = func(op string, u *url.URL, page int, p *numberedPage) error {
				checked.Store(page, fmt.Sprintf("%s; asked %s; answered %d", op, u.Query().Get("page"), p.Page))
				if tc.check != nil {
					return tc.check(op, u, page, p)
				}
				return nil
			}
			items, _, err := spec.Read(a, "plans").Run(context.Background())
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatal(err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			case tc.wantErr == "" && len(items) != 25:
				t.Fatalf("read %d items, want 25", len(items))
			}
			if tc.wantCalls != 0 && s.calls.Load() != tc.wantCalls {
				t.Errorf("%d requests, want %d", s.calls.Load(), tc.wantCalls)
			}
			checked.Range(func(k, v any) bool {
				if want := fmt.Sprintf("list plans page %d; asked %d; answered %d", k, k, k); v != want {
					t.Errorf("page %d was checked as %q, want %q", k, v, want)
				}
				return true
			})
			headers.Range(func(k, v any) bool {
				if v != "plans" {
					t.Errorf("page %s was asked with X-Listing %q, want the declared %q", k, v, "plans")
				}
				return true
			})
		})
	}
}

// linkedServer serves pages[n-1] at /vendor/plans?page=n: its items and
// the path and query of its next link ("" for none), on the server itself.
type linkedServer struct {
	pages []linkedPage
	// notFound is a page answered 404 (0: none).
	notFound int
	calls    atomic.Int32
	srv      *httptest.Server
}

type linkedPage struct {
	items []int64
	next  string
}

func (s *linkedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 || page > len(s.pages) || page == s.notFound {
		http.Error(w, `{"message":"no such page"}`, http.StatusNotFound)
		return
	}
	p := s.pages[page-1]
	next := "null"
	if p.next != "" {
		next = strconv.Quote(s.srv.URL + p.next)
	}
	items := make([]string, len(p.items))
	for i, id := range p.items {
		items[i] = strconv.FormatInt(id, 10)
	}
	fmt.Fprintf(w, `{"items":[%s],"next":%s}`, strings.Join(items, ","), next)
}

// linkedBody is a page of linkedServer.
type linkedBody struct {
	Items []int64 `json:"items"`
	Next  *string `json:"next"`
}

// linkedPlans declares /plans?page=1 and the links from there.
func linkedPlans(a *API) LinkedPages[linkedBody, int64, int64] {
	return LinkedPages[linkedBody, int64, int64]{
		Op:    "list plans",
		First: a.Endpoint("/plans", url.Values{"page": {"1"}}),
		Link:  "next",
		Check: func(_ string, _ *url.URL, p *linkedBody) (string, error) {
			if p.Next == nil {
				return "", nil
			}
			return *p.Next, nil
		},
		Items: func(p *linkedBody) []int64 { return p.Items },
		ID:    func(id int64) int64 { return id },
		Failed: func(err error) error {
			if IsStatus(err, http.StatusNotFound) {
				return fmt.Errorf("%w\nthe vendor may have withdrawn the listing", err)
			}
			return err
		},
	}
}

func TestReadLinkedPagesFollowsTheDeclaredLinksAndNothingElse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		pages     []linkedPage
		notFound  int
		check     func(op string, u *url.URL, p *linkedBody) (string, error)
		wantItems int
		wantErr   string
		wantCalls int32
	}{
		{
			name:      "a listing is followed along its next links to the page without one",
			pages:     []linkedPage{{items: []int64{1, 2}, next: "/vendor/plans?page=2"}, {items: []int64{3, 4}, next: "/vendor/plans?page=3"}, {items: []int64{5}}},
			wantItems: 5, wantCalls: 3,
		},
		{
			name:    "a next link off the listing's endpoint is refused before it is asked for",
			pages:   []linkedPage{{items: []int64{1}, next: "/vendor/other?page=2"}, {items: []int64{2}}},
			wantErr: "vendor: list plans page 1: next " + "http://", wantCalls: 1,
		},
		{
			name:    "a next link back to a page already read stops the walk as a loop",
			pages:   []linkedPage{{items: []int64{1}, next: "/vendor/plans?page=2"}, {items: []int64{2}, next: "/vendor/plans?page=1"}},
			wantErr: "repeats page 1; the pagination loops", wantCalls: 2,
		},
		{
			name:    "an item on two pages fails the read as a repeated page",
			pages:   []linkedPage{{items: []int64{1}, next: "/vendor/plans?page=2"}, {items: []int64{1}}},
			wantErr: "vendor: list plans: item 1 appears more than once", wantCalls: 2,
		},
		{
			name:     "a failed request carries the declaration's explanation",
			pages:    []linkedPage{{items: []int64{1}, next: "/vendor/plans?page=2"}, {items: []int64{2}}},
			notFound: 2, wantErr: "HTTP 404 Not Found: no such page\nthe vendor may have withdrawn the listing", wantCalls: 2,
		},
		{
			name:  "a page its check refuses fails the read with the check's error",
			pages: []linkedPage{{items: []int64{1}, next: "/vendor/plans?page=2"}, {items: []int64{2}}},
			check: func(op string, u *url.URL, _ *linkedBody) (string, error) {
				return "", fmt.Errorf("%s (%s): refused", op, u.Query().Get("page"))
			},
			wantErr: "list plans page 1 (1): refused", wantCalls: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := &linkedServer{pages: tc.pages, notFound: tc.notFound}
			s.srv = httptest.NewServer(s)
			defer s.srv.Close()
			a := newTestAPI(t, s.srv, func(c *Config) { c.MaxRetries = 0 })
			spec := linkedPlans(a)
			if tc.check != nil {
				spec.Check = tc.check
			}
			items, _, err := spec.Read(a, "plans").Run(context.Background())
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatal(err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			case tc.wantErr == "" && len(items) != tc.wantItems:
				t.Fatalf("read %d items, want %d", len(items), tc.wantItems)
			}
			if tc.notFound != 0 && !IsStatus(err, http.StatusNotFound) {
				t.Errorf("err = %v no longer says its status, 404", err)
			}
			if got := s.calls.Load(); got != tc.wantCalls {
				t.Errorf("%d requests, want %d", got, tc.wantCalls)
			}
		})
	}
}

func TestReadOneChecksAndConvertsTheDeclaredBody(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		body    string
		want    string
		wantErr string
	}{
		{name: "the body its check accepts is converted for the caller", body: `{"id":7,"name":"Pro"}`, want: "7 Pro"},
		{name: "a body its check refuses fails the read naming the read", body: `{"id":8,"name":"Pro"}`, wantErr: "/vendor/plans/7): asked for 7 but got 8"},
		{name: "a body that is not JSON fails the read before its check", body: `<html>`, wantErr: "vendor: get plan 7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			var language atomic.Value
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				language.Store(r.Header.Get("Accept-Language"))
				fmt.Fprint(w, tc.body)
			}))
			defer srv.Close()
			a := newTestAPI(t, srv)
			type body struct {
				ID   int64  `json:"id"`
				Name string `json:"name"`
			}
			one := One[body, string]{
				Op: "get plan 7", URL: a.Endpoint("/plans/7", nil), Header: http.Header{"Accept-Language": {"ru"}},
				Check: func(op string, u *url.URL, b *body) (string, error) {
					if b.ID != 7 {
						return "", a.ResponseError(op, u, fmt.Errorf("asked for 7 but got %d", b.ID))
					}
					return fmt.Sprintf("%d %s", b.ID, b.Name), nil
				},
			}
			got, _, err := one.Read(a, "plan 7").Run(context.Background())
			switch {
			case tc.wantErr == "" && (err != nil || got != tc.want):
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			if calls.Load() != 1 || language.Load() != "ru" {
				t.Errorf("%d requests with Accept-Language %v, want 1 with the declared ru", calls.Load(), language.Load())
			}
		})
	}
}
