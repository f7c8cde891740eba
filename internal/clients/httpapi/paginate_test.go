package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

// numberedPage is a page of a listing numbered from 1.
type numberedPage struct {
	Page  int64   `json:"page"`
	Size  int64   `json:"size"`
	Total int64   `json:"total"`
	Items []int64 `json:"items"`
	// Hook names the decodeHooks entry run while the page is decoded.
	Hook string `json:"hook"`
}

// decodeHooks are run while a page naming them is decoded: a page is
// decoded into a zero value, so what it runs comes with its body.
var decodeHooks sync.Map // hook name to func()

func (p *numberedPage) UnmarshalJSON(b []byte) error {
	type plain numberedPage // without this method
	if err := json.Unmarshal(b, (*plain)(p)); err != nil {
		return err
	}
	if f, ok := decodeHooks.Load(p.Hook); ok && p.Hook != "" {
		f.(func())() //nolint:forcetypeassert // decodeHooks holds only func()
	}
	return nil
}

// numberedServer serves total items (1..total) at size a page under
// /vendor/plans?page=N, holding each request in hold (when set) first.
type numberedServer struct {
	total, size int
	hold        func(page int)
	// hook is the decodeHooks entry every page names.
	hook     string
	calls    atomic.Int32
	inFlight atomic.Int32
	most     atomic.Int32
	// atArrival is called as a request arrives, with the requests then in
	// flight (this one included).
	atArrival func(inFlight int32)
}

func (s *numberedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.calls.Add(1)
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	raise(&s.most, n)
	if s.atArrival != nil {
		s.atArrival(n)
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if s.hold != nil {
		s.hold(page)
	}
	var items []string
	for i := (page-1)*s.size + 1; i <= min(page*s.size, s.total); i++ {
		items = append(items, strconv.Itoa(i))
	}
	fmt.Fprintf(w, `{"page":%d,"size":%d,"total":%d,"items":[%s],"hook":%q}`, page, s.size, s.total, strings.Join(items, ","), s.hook)
}

func raise(most *atomic.Int32, n int32) {
	for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
	}
}

// numberedPlans declares /plans?page=N.
func numberedPlans(a *API) NumberedPages[numberedPage, int64, int64] {
	return NumberedPages[numberedPage, int64, int64]{
		Op: "list plans",
		Request: func(page int) (*url.URL, http.Header) {
			return a.Endpoint("/plans", url.Values{"page": {strconv.Itoa(page)}}), nil
		},
		Check: func(string, *url.URL, int, *numberedPage) error { return nil },
		Pages: func(p *numberedPage) int64 { return (p.Total + p.Size - 1) / p.Size },
		Size:  func(p *numberedPage) int64 { return p.Size },
		Total: func(p *numberedPage) int64 { return p.Total },
		Items: func(p *numberedPage) []int64 { return p.Items },
		ID:    func(id int64) int64 { return id },
	}
}

// readNumbered reads the whole listing numberedPlans declares.
func readNumbered(ctx context.Context, a *API) ([]int64, error) {
	items, _, err := numberedPlans(a).Read(a, "plans").Run(ctx)
	return items, err
}

func TestReadNumberedPagesNeverHasMoreThanMaxParallelRequestsInFlight(t *testing.T) {
	t.Parallel()
	for _, parallel := range []int{1, 3} {
		t.Run(fmt.Sprintf("%d at once", parallel), func(t *testing.T) {
			t.Parallel()
			// Pages 2..20 are asked for together: none is answered until
			// max parallel requests of them are in flight at once.
			b := testsync.NewBarrier(parallel)
			s := &numberedServer{total: 2000, size: 100, hold: func(page int) {
				if page >= 2 {
					b.Wait()
				}
			}}
			srv := httptest.NewServer(s)
			defer srv.Close()
			a := newTestAPI(t, srv, func(c *Config) { c.MaxParallelRequests = parallel })
			items, err := readNumbered(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 2000 || s.calls.Load() != 20 {
				t.Fatalf("got %d items in %d requests, want 2000 in 20", len(items), s.calls.Load())
			}
			for i, id := range items {
				if id != int64(i+1) {
					t.Fatalf("item %d is %d: not in API order", i, id)
				}
			}
			if got := s.most.Load(); got != int32(parallel) {
				t.Errorf("at most %d requests were in flight at once, want exactly max parallel requests = %d", got, parallel)
			}
		})
	}
}

// A page's request slot is free while the page is decoded: with one slot,
// a request can be in flight while another page, its body read, is still
// being decoded.
func TestAPageGivesUpItsSlotBeforeItIsDecoded(t *testing.T) {
	t.Parallel()
	// The first page after page 1 to be decoded waits, while it is decoded,
	// for another request to reach the server: were its slot (the only
	// one) held through the decoding, the read would never end.
	var decoded atomic.Int32
	var arrivals atomic.Int32
	arrived := make(chan struct{})
	var once sync.Once
	var waitFrom atomic.Int32 // arrivals seen when the decoding began; 0 before
	s := &numberedServer{total: 1000, size: 100, hook: t.Name()}
	s.atArrival = func(int32) {
		n := arrivals.Add(1)
		if from := waitFrom.Load(); from != 0 && n > from {
			once.Do(func() { close(arrived) })
		}
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	a := newTestAPI(t, srv, func(c *Config) { c.MaxParallelRequests = 1 })
	decodeHooks.Store(t.Name(), func() {
		if decoded.Add(1) != 2 {
			return
		}
		waitFrom.Store(arrivals.Load())
		<-arrived
	})
	t.Cleanup(func() { decodeHooks.Delete(t.Name()) })
	if _, err := readNumbered(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if got := s.most.Load(); got != 1 {
		t.Errorf("%d requests in flight at once, want 1", got)
	}
}

func TestReadNumberedPagesRefusesARepeatedItem(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"page":%s,"size":2,"total":4,"items":[1,2]}`, r.URL.Query().Get("page"))
	}))
	defer srv.Close()
	_, err := readNumbered(context.Background(), newTestAPI(t, srv))
	if err == nil || !strings.Contains(err.Error(), "vendor: list plans: item 1 appears more than once; the server repeated a page") {
		t.Fatalf("err = %v, want the repeated item named", err)
	}
}
