package identifai

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// pages serves n pricings in pages of per, with hooks to corrupt
// individual pages.
type pages struct {
	n, per int
	calls  atomic.Int32
	// tweak may change a page before it is written.
	tweak func(r *http.Request, page int, body *pageJSON)
}

type pageJSON struct {
	current, last, total int
	IDs                  []int
	next                 string
}

func (s *pages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page == 0 {
		page = 1
	}
	per := s.per
	if v, err := strconv.Atoi(r.URL.Query().Get("per_page")); err == nil {
		per = v
	}
	last := (s.n + per - 1) / per
	p := pageJSON{current: page, last: last, total: s.n, next: "null"}
	for id := (page-1)*per + 1; id <= min(page*per, s.n); id++ {
		p.IDs = append(p.IDs, id)
	}
	if page < last {
		p.next = fmt.Sprintf("%q", "http://"+r.Host+r.URL.Path+"?page="+strconv.Itoa(page+1))
	}
	if s.tweak != nil {
		s.tweak(r, page, &p)
	}
	items := make([]string, len(p.IDs))
	for i, id := range p.IDs {
		items[i] = fmt.Sprintf(`{"id":%d,"name":"Plan %d","sku":"plan-%d","unknown_field":true}`, id, id, id)
	}
	fmt.Fprintf(w, `{"current_page":%d,"data":[%s],"last_page":%d,"next_page_url":%s,"per_page":%d,"total":%d}`,
		p.current, strings.Join(items, ","), p.last, p.next, per, p.total)
}

func TestIdentifaiListReadsEveryPageInOrder(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ n, per, parallel int }{{1, 10, 4}, {45, 10, 4}, {45, 7, 1}, {100, 1, 8}} {
		t.Run(fmt.Sprintf("%d pricings in pages of %d with %d in flight", tt.n, tt.per, tt.parallel), func(t *testing.T) {
			t.Parallel()
			pages := &pages{n: tt.n, per: tt.per}
			srv := httptest.NewServer(pages)
			defer srv.Close()
			c := newTestClient(t, srv, func(c *httpapi.Config) { c.MaxParallelRequests = tt.parallel })
			list, _, err := c.ListPricings(context.Background(), ListPricingsInput{PerPage: int64(tt.per)})
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Pricings) != tt.n || list.Total != int64(tt.n) {
				t.Fatalf("got %d pricings, total %d; want %d", len(list.Pricings), list.Total, tt.n)
			}
			for i, p := range list.Pricings {
				if p.ID != int64(i+1) || p.SKU == nil || *p.SKU != fmt.Sprintf("plan-%d", i+1) {
					t.Fatalf("pricing %d is %+v: out of API order", i, p)
				}
			}
			if want := int32((tt.n + tt.per - 1) / tt.per); pages.calls.Load() != want {
				t.Errorf("made %d requests, want %d (one per page)", pages.calls.Load(), want)
			}
		})
	}
}

func TestIdentifaiListIsFetchedOncePerQuery(t *testing.T) {
	t.Parallel()
	pages := &pages{n: 30, per: 10}
	srv := httptest.NewServer(pages)
	defer srv.Close()
	c := newTestClient(t, srv)

	errs := make(chan error, 20)
	for range 20 {
		go func() {
			_, _, err := c.ListPricings(context.Background(), ListPricingsInput{PerPage: 10})
			errs <- err
		}()
	}
	for range 20 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if pages.calls.Load() != 3 {
		t.Errorf("20 concurrent readers made %d requests, want 3 (the pages of one read)", pages.calls.Load())
	}
	if _, _, err := c.ListPricings(context.Background(), ListPricingsInput{PerPage: 15}); err != nil {
		t.Fatal(err)
	}
	if pages.calls.Load() != 5 {
		t.Errorf("a different page size made %d requests in all, want 5", pages.calls.Load())
	}
}

func TestIdentifaiListFailsRatherThanReturnAPartialList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		tweak func(r *http.Request, page int, p *pageJSON)
		want  string
	}{
		{
			name: "a page answering as another page",
			tweak: func(_ *http.Request, page int, p *pageJSON) {
				if page == 3 {
					p.current = 2
				}
			},
			want: "asked for page 3 but the API answered page 2",
		},
		{
			name: "a page repeating the items of another",
			tweak: func(_ *http.Request, page int, p *pageJSON) {
				if page == 3 {
					p.IDs = []int{11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
				}
			},
			want: "appears more than once",
		},
		{
			name: "a short page",
			tweak: func(_ *http.Request, page int, p *pageJSON) {
				if page == 2 {
					p.IDs = p.IDs[:5]
				}
			},
			want: "page 2 holds 5 items, but a listing of 45 items at 10 a page puts 10 on it",
		},
		{
			name: "a total that changes between pages",
			tweak: func(_ *http.Request, page int, p *pageJSON) {
				if page == 4 {
					p.total = 46
				}
			},
			want: "total changed from 45 to 46 at page 4",
		},
		{
			name: "a next link to another host",
			tweak: func(_ *http.Request, page int, p *pageJSON) {
				if page == 1 {
					p.next = `"https://evil.example.com/api/partner/pricings?page=2"`
				}
			},
			want: "points outside the configured base URL",
		},
		{
			name: "a next link that repeats its own page",
			tweak: func(r *http.Request, page int, p *pageJSON) {
				if page == 2 {
					p.next = fmt.Sprintf("%q", "http://"+r.Host+r.URL.Path+"?page=2")
				}
			},
			want: "next_page_url http://127.0.0.1:[0-9]+/identifai/api/partner/pricings\\?page=2 repeats page 2",
		},
		{
			name: "a next link that loops back to the first page",
			tweak: func(r *http.Request, page int, p *pageJSON) {
				if page == 4 {
					p.next = fmt.Sprintf("%q", "http://"+r.Host+r.URL.Path+"?page=1")
				}
			},
			want: "loops back to page 1 from page 4",
		},
		{
			name: "a next link that skips a page",
			tweak: func(r *http.Request, page int, p *pageJSON) {
				if page == 1 {
					p.next = fmt.Sprintf("%q", "http://"+r.Host+r.URL.Path+"?page=3")
				}
			},
			want: "skips from page 1 to page 3",
		},
		{
			name: "a next link on the last page",
			tweak: func(r *http.Request, page int, p *pageJSON) {
				if page == 5 {
					p.next = fmt.Sprintf("%q", "http://"+r.Host+r.URL.Path+"?page=6")
				}
			},
			want: "points to page 6 after page 5, which last_page says is the last",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails the read", func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(&pages{n: 45, per: 10, tweak: tt.tweak})
			defer srv.Close()
			list, _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{PerPage: 10})
			var pageErr *httpapi.PaginationError
			if !errors.As(err, &pageErr) || !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Fatalf("err = %v (list %v), want a httpapi.PaginationError saying %q", err, list, tt.want)
			}
		})
	}
}

func TestIdentifaiBadBodiesNameVendorAndEndpoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
	}{
		{"truncated JSON", `{"current_page":1,"data":[{"id":1,`, "not the documented JSON"},
		{"an HTML page with status 200", `<!DOCTYPE html><html><body>Maintenance</body></html>`, "body starts with: <!DOCTYPE html>"},
		{"an empty body", ``, "empty response body"},
		{"two documents", `{"data":[],"total":0} {"x":1}`, "data after the JSON document"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is an error", func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			_, _, err := newTestClient(t, srv).ListPricings(context.Background(), ListPricingsInput{})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "identifai: list pricings page 1 (GET http://") {
				t.Fatalf("err = %v, want vendor, operation, URL and %q", err, tt.want)
			}
		})
	}
}
