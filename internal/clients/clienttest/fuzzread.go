package clienttest

// Fuzz checks for the hostile-vendor classes of issue 10, through a
// client's public reads so they hold whatever its decoders become inside:
// a body either fails the read or yields items that all have an identity
// (never a silently empty, null or id-less item).

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

// fuzzReadBase is the configured origin of a fuzzed read; no request
// leaves the process.
const fuzzReadBase = "http://127.0.0.1:8080/vendor"

// firstPageOnly answers the first request of a read with body and every
// later one with a 404, so a body claiming more pages fails quickly
// instead of being fetched again and again.
type firstPageOnly struct {
	body  []byte
	calls int
}

func (f *firstPageOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	f.calls++
	status, body := http.StatusOK, f.body
	if f.calls > 1 {
		status, body = http.StatusNotFound, []byte(`{}`)
	}
	return &http.Response{
		StatusCode: status, Status: http.StatusText(status), Request: req,
		Header: http.Header{"Content-Type": {"application/json"}},
		Body:   io.NopCloser(strings.NewReader(string(body))), ContentLength: int64(len(body)),
	}, nil
}

// FuzzConfig serves body through the whole client stack, without retries.
// Its clock is a fake one: pacing waits pass at once, with no deadline
// racing the machine.
func FuzzConfig(body []byte) httpapi.Config {
	return httpapi.Config{BaseURL: fuzzReadBase, APIKey: Key, MaxRetries: 0, Clock: testsync.NewFakeClock(),
		HTTPClient: &http.Client{Transport: &firstPageOnly{body: body}}}
}

// AddHostileBodySeeds adds the bodies of AddBodySeeds, and the issue's
// non-list bodies and id-less items in each of the vendor's envelopes,
// where ITEMS stands for the list.
func AddHostileBodySeeds(f *testing.F, envelopes ...string) {
	AddBodySeeds(f)
	for _, env := range envelopes {
		for _, items := range []string{`[null]`, `[{}]`, `[{"id":""}]`, `[{"id":0}]`, `[{"id":null}]`, `[{"name":"no id"}]`, `null`, `{}`, `[]`} {
			f.Add([]byte(strings.ReplaceAll(env, "ITEMS", items)))
		}
	}
}

// FuzzList fuzzes a listing: the client open builds reads it with list,
// and every item of a read without error must have an identity.
func FuzzList[C, L, T any](f *testing.F, open func(httpapi.Config) (C, error), list func(C, context.Context) (L, httpapi.Fetched, error), items func(L) []T, hasID func(T) bool) {
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := open(FuzzConfig(body))
		if err != nil {
			t.Fatal(err)
		}
		l, _, err := list(c, t.Context())
		CheckErrorText(t, err)
		if err != nil {
			return
		}
		all := items(l)
		for i, item := range all {
			if !hasID(item) {
				t.Fatalf("item %d of %d has no identity (%+v) and no error", i+1, len(all), item)
			}
		}
	})
}

// FuzzLookup fuzzes a lookup: the client open builds reads one item with
// get, and a read without error must yield the item asked for.
func FuzzLookup[C, T any](f *testing.F, open func(httpapi.Config) (C, error), get func(C, context.Context) (T, httpapi.Fetched, error), isAsked func(T) bool) {
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := open(FuzzConfig(body))
		if err != nil {
			t.Fatal(err)
		}
		item, _, err := get(c, t.Context())
		CheckErrorText(t, err)
		if err == nil && !isAsked(item) {
			t.Fatalf("got %+v and no error, not the item asked for", item)
		}
	})
}
