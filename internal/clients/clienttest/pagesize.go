package clienttest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// PageSizeCase is one first page whose page size is far below the one asked
// for (or documented), and what the refusal must say. "{base}" in Body is
// the test server's URL.
type PageSizeCase struct {
	Name string
	Body string
	Read func(t *testing.T, srv *httptest.Server) error
	Want []string
}

// CheckPageSizeRefused serves each case's body and asserts that the read
// fails saying every Want, after one request: the listing is refused on
// its first page.
func CheckPageSizeRefused(t *testing.T, tests []PageSizeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.Name, func(t *testing.T) {
			t.Parallel()
			var calls atomic.Int32
			var srv *httptest.Server
			srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, strings.ReplaceAll(tt.Body, "{base}", srv.URL))
			}))
			defer srv.Close()
			err := tt.Read(t, srv)
			for _, want := range tt.Want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v\nwant it to say %q", err, want)
				}
			}
			if n := calls.Load(); n != 1 {
				t.Errorf("%d requests, want 1: the listing is refused on its first page", n)
			}
		})
	}
}
