package clients

// Fuzz targets for the hostile-vendor classes of issue 10, through the
// clients' public reads so they hold whatever the decoders become inside:
// a body either fails the read or yields items that all have an identity
// (never a silently empty, null or id-less item), and a server's wait,
// however written, is never negative and never above retry_wait_max.

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/testsync"
)

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

// fuzzConfig serves body through the whole client stack, without retries.
// Its clock is a fake one: pacing waits (identifAI paces its second
// request by 555 ms) pass at once, with no deadline racing the machine.
func fuzzConfig(body []byte) httpapi.Config {
	return httpapi.Config{BaseURL: fuzzBase, APIKey: testKey, MaxRetries: 0, Clock: testsync.NewFakeClock(),
		HTTPClient: &http.Client{Transport: &firstPageOnly{body: body}}}
}

// fuzzContext ends with the fuzz input's run.
func fuzzContext(t *testing.T) context.Context { return t.Context() }

// addHostileBodySeeds adds the non-list bodies and id-less items in
// each vendor's envelope.
func addHostileBodySeeds(f *testing.F, envelopes ...string) {
	addBodySeeds(f)
	for _, env := range envelopes {
		for _, items := range []string{`[null]`, `[{}]`, `[{"id":""}]`, `[{"id":0}]`, `[{"id":null}]`, `[{"name":"no id"}]`, `null`, `{}`, `[]`} {
			f.Add([]byte(strings.ReplaceAll(env, "ITEMS", items)))
		}
	}
}

func FuzzIdentifaiListYieldsOnlyIdentifiedPricings(f *testing.F) {
	addHostileBodySeeds(f, `{"current_page":1,"data":ITEMS,"last_page":1,"next_page_url":null,"per_page":100,"total":1}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := NewIdentifai(fuzzConfig(body))
		if err != nil {
			t.Fatal(err)
		}
		list, err := c.ListPricings(fuzzContext(t), IdentifaiListPricingsInput{PerPage: 100})
		checkErrorText(t, err)
		if err != nil {
			return
		}
		for i, p := range list.Pricings {
			if p.ID <= 0 {
				t.Fatalf("pricing %d of %d has no identity (id %d) and no error", i+1, len(list.Pricings), p.ID)
			}
		}
	})
}

func FuzzPaygenticListYieldsOnlyIdentifiedPlans(f *testing.F) {
	addHostileBodySeeds(f, `{"data":ITEMS,"pagination":{"limit":100,"offset":0,"total":1}}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := NewPaygentic(fuzzConfig(body))
		if err != nil {
			t.Fatal(err)
		}
		list, err := c.ListPlans(fuzzContext(t), PaygenticListPlansInput{})
		checkErrorText(t, err)
		if err != nil {
			return
		}
		for i, p := range list.Plans {
			if p.ID == "" {
				t.Fatalf("plan %d of %d has no id and no error", i+1, len(list.Plans))
			}
		}
	})
}

func FuzzPaygenticLookupYieldsThePlanAskedFor(f *testing.F) {
	addBodySeeds(f)
	for _, s := range []string{`{"id":"plan_x"}`, `{"id":""}`, `{"name":"x"}`, `{"id":null}`, `{"id":"plan_y"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := NewPaygentic(fuzzConfig(body))
		if err != nil {
			t.Fatal(err)
		}
		p, err := c.GetPlan(fuzzContext(t), "plan_x")
		checkErrorText(t, err)
		if err == nil && (p == nil || p.ID != "plan_x") {
			t.Fatalf("asked for plan_x, got %+v and no error", p)
		}
	})
}

func FuzzProbelyListYieldsOnlyIdentifiedPlans(f *testing.F) {
	addHostileBodySeeds(f, `{"count":1,"page_total":1,"page":1,"length":100,"results":ITEMS}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := NewProbely(fuzzConfig(body))
		if err != nil {
			t.Fatal(err)
		}
		list, err := c.ListPlans(fuzzContext(t))
		checkErrorText(t, err)
		if err != nil {
			return
		}
		for i, p := range list.Plans {
			if p.ID == "" {
				t.Fatalf("plan %d of %d has no id and no error", i+1, len(list.Plans))
			}
		}
	})
}

func FuzzOnepinListYieldsOnlyIdentifiedPlans(f *testing.F) {
	addHostileBodySeeds(f, `{"data":ITEMS,"meta":{},"pagination":{"limit":100,"next":null,"prev":null}}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := NewOnepin(fuzzConfig(body), "")
		if err != nil {
			t.Fatal(err)
		}
		list, err := c.ListPlans(fuzzContext(t))
		checkErrorText(t, err)
		if err != nil {
			return
		}
		for i, p := range list.Plans {
			if p.ID == "" {
				t.Fatalf("plan %d of %d has no id and no error", i+1, len(list.Plans))
			}
		}
	})
}

func FuzzStreamskillTariffIsTheOneAskedFor(f *testing.F) {
	addBodySeeds(f)
	for _, s := range []string{`{"id":1,"price":50}`, `{"price":50}`, `{"id":0}`, `{"id":null,"title":"x"}`, `{"id":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := NewStreamskill(fuzzConfig(body), "en")
		if err != nil {
			t.Fatal(err)
		}
		tariff, err := c.Tariff(fuzzContext(t), 1, "en")
		checkErrorText(t, err)
		if err == nil && (tariff == nil || tariff.ID != 1) {
			t.Fatalf("asked for tariff 1, got %+v and no error", tariff)
		}
	})
}
