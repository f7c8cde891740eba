package probely

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestProbelyListReadsEveryPageInOrder(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ n, parallel, pages int }{{0, 4, 1}, {1, 4, 1}, {100, 4, 1}, {101, 4, 2}, {250, 4, 3}, {450, 1, 5}, {950, 8, 10}} {
		t.Run(fmt.Sprintf("%d plans with %d in flight take %d requests", tt.n, tt.parallel, tt.pages), func(t *testing.T) {
			t.Parallel()
			pages := &pages{n: tt.n, seen: make(chan string, 100)}
			srv := httptest.NewServer(pages)
			defer srv.Close()
			c := newTestClient(t, srv, func(c *httpapi.Config) { c.MaxParallelRequests = tt.parallel })
			list, _, err := c.ListPlans(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Plans) != tt.n || list.Count != int64(tt.n) {
				t.Fatalf("got %d plans, count %d; want %d", len(list.Plans), list.Count, tt.n)
			}
			for i, p := range list.Plans {
				if p.ID != fmt.Sprintf("plan-%d", i+1) || p.Price == nil || p.Price.String() != strconv.Itoa((i+1)*100) {
					t.Fatalf("plan %d is %+v: out of API order", i, p)
				}
			}
			if got := pages.calls.Load(); got != int32(tt.pages) {
				t.Errorf("made %d requests, want %d (one per page)", got, tt.pages)
			}
			close(pages.seen)
			var got []string
			for s := range pages.seen {
				got = append(got, s)
			}
			var want []string
			for page := 1; page <= tt.pages; page++ {
				want = append(want, fmt.Sprintf("/probely/plans/?length=100&page=%d JWT %s", page, clienttest.Key))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("requests (sorted) = %q\nwant each page once, length=100 and Authorization: JWT <key>: %q", got, want)
			}
		})
	}
}

func TestProbelyListIsFetchedOncePerRun(t *testing.T) {
	t.Parallel()
	pages := &pages{n: 250}
	srv := httptest.NewServer(pages)
	defer srv.Close()
	c := newTestClient(t, srv)

	errs := make(chan error, 20)
	for range 20 {
		go func() {
			_, _, err := c.ListPlans(context.Background())
			errs <- err
		}()
	}
	for range 20 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := pages.calls.Load(); got != 3 {
		t.Errorf("20 concurrent readers made %d requests, want 3 (the pages of one read)", got)
	}
}

func TestProbelyListFailsRatherThanReturnAPartialList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		tweak func(page int, p *pageJSON)
		want  string
	}{
		{
			name: "a page answering as another page",
			tweak: func(page int, p *pageJSON) {
				if page == 3 {
					p.page = 2
				}
			},
			want: "list plans page 3: asked for page 3 but the API answered page 2",
		},
		{
			name: "a count that changes between pages",
			tweak: func(page int, p *pageJSON) {
				if page == 2 {
					p.count = 251
				}
			},
			want: "the reported total changed from 250 to 251 at page 2",
		},
		{
			name: "a count that does not match the plans served",
			tweak: func(_ int, p *pageJSON) {
				p.count = 260
			},
			want: "page 3 holds 50 items, but a listing of 260 items at 100 a page puts 60 on it",
		},
		{
			name: "a short page",
			tweak: func(page int, p *pageJSON) {
				if page == 2 {
					p.IDs = p.IDs[:50]
				}
			},
			want: "list plans page 2: page 2 holds 50 items, but a listing of 250 items at 100 a page puts 100 on it",
		},
		{
			name: "a page repeating the plans of another",
			tweak: func(page int, p *pageJSON) {
				if page == 3 {
					p.IDs = []int{101, 102}
					for i := 103; i <= 150; i++ {
						p.IDs = append(p.IDs, i)
					}
				}
			},
			want: "item plan-101 appears more than once",
		},
		{
			name: "a page_total too small for the count",
			tweak: func(_ int, p *pageJSON) {
				p.pageTotal = 2
			},
			want: "the paginator does not add up: 250 items at 100 a page are 3 pages, but it reports 2",
		},
		{
			name: "a negative count",
			tweak: func(_ int, p *pageJSON) {
				p.count = -1
			},
			want: "the reported total -1 is negative",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the read", func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&pages{n: 250, tweak: tt.tweak})
			defer srv.Close()
			list, _, err := newTestClient(t, srv).ListPlans(context.Background())
			var pageErr *httpapi.PaginationError
			if !errors.As(err, &pageErr) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "probely: list plans") {
				t.Fatalf("err = %v (list %v), want a httpapi.PaginationError saying %q", err, list, tt.want)
			}
		})
	}
}

func TestProbelyErrorsAreRenderedFromTheDRFBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"a rejected key", 401, `{"detail":"Incorrect authentication credentials."}`,
			"probely: list plans page 1: HTTP 401 Unauthorized: Incorrect authentication credentials."},
		{"a bad length", 400, `{"length":["Ensure this value is less than or equal to 50."]}`,
			"probely: list plans page 1: HTTP 400 Bad Request\n  - length: Ensure this value is less than or equal to 50."},
		{"a server error", 500, `{"detail":"Unexpected error while handling your request."}`,
			"probely: list plans page 1: HTTP 500 Internal Server Error: Unexpected error while handling your request."},
	}
	for _, tt := range tests {
		t.Run(tt.name+" says what Probely said", func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			_, _, err := newTestClient(t, srv, func(c *httpapi.Config) { c.MaxRetries = 0 }).ListPlans(context.Background())
			if err == nil || err.Error() != tt.want || !httpapi.IsStatus(err, tt.status) {
				t.Fatalf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}
