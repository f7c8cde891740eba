package streamskill

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// newTestClient is a StreamSkill client on srv with fast retries and no
// pacing (pacing is the limiter's job, tested on its own).
func newTestClient(t testing.TB, srv *httptest.Server, language string) *Client {
	t.Helper()
	c, err := New(clienttest.Config(srv, "streamskill", clienttest.NoPacing), language)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// tariffJSON is a documented tariff body with some fields replaced by raw
// JSON (or removed, for an empty replacement).
func tariffJSON(id int64, replace map[string]string) string {
	fields := map[string]string{
		"id":               fmt.Sprint(id),
		"title":            `"AI Chatbot"`,
		"text":             `["Up to 350 chatbots","AI-powered chat"]`,
		"count":            `100`,
		"price":            `135`,
		"type":             `"ai_chatbots"`,
		"hourly":           `true`,
		"pricing_type":     `"standard"`,
		"graduated_prices": `null`,
		"discounts":        `{"1":0,"500":10,"1000":20}`,
		"link":             `{"prefix":"https://www.twitch.tv/","placeholder":"twitch"}`,
		"panel":            `true`,
		"unknown_field":    `{"ignored":true}`,
	}
	maps.Copy(fields, replace)
	var parts []string
	for k, v := range fields {
		if v != "" {
			parts = append(parts, fmt.Sprintf("%q:%s", k, v))
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// serveTariff answers every request with body.
func serveTariff(t *testing.T, body string) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return newTestClient(t, srv, "")
}

func ptr[T any](v T) *T { return &v }

func int64String(p *int64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func TestStreamskillTariffReadsBothShapesOfCount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		count            string
		wantCount        *int64
		wantMin, wantMax *int64
	}{
		{"an integer count is the base quantity and both bounds", `100`, ptr[int64](100), ptr[int64](100), ptr[int64](100)},
		{"a min-max object is a custom count without a base quantity", `{"min":10,"max":350}`, nil, ptr[int64](10), ptr[int64](350)},
		{"a null count leaves all three unset", `null`, nil, nil, nil},
		{"an absent count leaves all three unset", ``, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, _, err := serveTariff(t, tariffJSON(3, map[string]string{"count": tt.count})).Tariff(context.Background(), 3, "")
			if err != nil {
				t.Fatal(err)
			}
			if int64String(got.Count) != int64String(tt.wantCount) || int64String(got.CountMin) != int64String(tt.wantMin) || int64String(got.CountMax) != int64String(tt.wantMax) {
				t.Errorf("count, min, max = %s, %s, %s; want %s, %s, %s",
					int64String(got.Count), int64String(got.CountMin), int64String(got.CountMax),
					int64String(tt.wantCount), int64String(tt.wantMin), int64String(tt.wantMax))
			}
		})
	}
}

func TestStreamskillTariffRefusesAnyOtherShapeOfCount(t *testing.T) {
	t.Parallel()
	for _, count := range []string{
		`"100"`,
		`10.5`,
		`[10,350]`,
		`true`,
		`{"min":10}`,
		`{"max":350}`,
		`{"min":"ten","max":350}`,
		`{"min":1.5,"max":350}`,
		`{}`,
	} {
		t.Run("count "+count+" is an error naming count", func(t *testing.T) {
			t.Parallel()
			got, _, err := serveTariff(t, tariffJSON(3, map[string]string{"count": count})).Tariff(context.Background(), 3, "")
			if err == nil || !strings.Contains(err.Error(), "count must be an integer or an object with integer min and max, got "+count) ||
				!strings.Contains(err.Error(), "streamskill: get tariff 3 (GET http://") {
				t.Fatalf("got %+v, err = %v; want an error naming the operation, count and the bad value", got, err)
			}
		})
	}
	t.Run("a range with min above max is an error", func(t *testing.T) {
		t.Parallel()
		_, _, err := serveTariff(t, tariffJSON(3, map[string]string{"count": `{"min":350,"max":10}`})).Tariff(context.Background(), 3, "")
		if err == nil || !strings.Contains(err.Error(), "count has min 350 above max 10") {
			t.Fatalf("err = %v, want it to name the inverted range", err)
		}
	})
}

func TestStreamskillTariffKeepsNullAndEmptyPriceMapsApart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, field, raw string
		want             map[string]json.Number // nil means the map must be nil
	}{
		{"null graduated prices are nil", "graduated_prices", `null`, nil},
		{"absent graduated prices are nil", "graduated_prices", ``, nil},
		{"graduated prices keep every tier exactly", "graduated_prices", `{"0":135,"101":180.5,"201":270}`,
			map[string]json.Number{"0": "135", "101": "180.5", "201": "270"}},
		{"absent discounts are nil", "discounts", ``, nil},
		{"an empty discounts object is an empty map", "discounts", `{}`, map[string]json.Number{}},
		{"an empty PHP array is an empty map", "discounts", `[]`, map[string]json.Number{}},
		{"discount tiers are kept", "discounts", `{"1":0,"500":10}`, map[string]json.Number{"1": "0", "500": "10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, _, err := serveTariff(t, tariffJSON(3, map[string]string{tt.field: tt.raw})).Tariff(context.Background(), 3, "")
			if err != nil {
				t.Fatal(err)
			}
			m := got.Discounts
			if tt.field == "graduated_prices" {
				m = got.GraduatedPrices
			}
			if (m == nil) != (tt.want == nil) || !maps.Equal(m, tt.want) {
				t.Errorf("%s = %#v, want %#v", tt.field, m, tt.want)
			}
		})
	}
	t.Run("a price map holding a non-number is an error", func(t *testing.T) {
		t.Parallel()
		_, _, err := serveTariff(t, tariffJSON(3, map[string]string{"discounts": `{"500":"ten"}`})).Tariff(context.Background(), 3, "")
		if err == nil || !strings.Contains(err.Error(), "expected an object of numbers keyed by quantity threshold") {
			t.Fatalf("err = %v, want a decoding error", err)
		}
	})
}

func TestStreamskillTariffKeepsPricesExact(t *testing.T) {
	t.Parallel()
	for _, price := range []string{"0.1", "12.5", "199.99", "135", "12345678901234567890.123456789"} {
		t.Run("price "+price+" is kept as sent", func(t *testing.T) {
			t.Parallel()
			got, _, err := serveTariff(t, tariffJSON(7, map[string]string{"price": price})).Tariff(context.Background(), 7, "")
			if err != nil {
				t.Fatal(err)
			}
			if got.Price.String() != price {
				t.Errorf("price = %q, want %q", got.Price, price)
			}
		})
	}
}

func TestStreamskillTariffReadsEveryDocumentedField(t *testing.T) {
	t.Parallel()
	got, _, err := serveTariff(t, tariffJSON(1, nil)).Tariff(context.Background(), 1, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 1 || *got.Title != "AI Chatbot" || strings.Join(got.Text, "|") != "Up to 350 chatbots|AI-powered chat" ||
		*got.Type != "ai_chatbots" || !*got.Hourly || *got.PricingType != "standard" || !*got.Panel ||
		*got.Link.Prefix != "https://www.twitch.tv/" || *got.Link.Placeholder != "twitch" {
		t.Errorf("tariff read as %+v", got)
	}

	sparse, _, err := serveTariff(t, `{"id":9}`).Tariff(context.Background(), 9, "")
	if err != nil {
		t.Fatal(err)
	}
	if sparse.Title != nil || sparse.Text != nil || sparse.Price != "" || sparse.Hourly != nil || sparse.Link != nil || sparse.Panel != nil {
		t.Errorf("a tariff with only an id read as %+v, want every other field unset", sparse)
	}
}

func TestStreamskillTariffSendsLanguageExpandAndKey(t *testing.T) {
	t.Parallel()
	var lang, expand, auth, path atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang.Store(r.Header.Get("Accept-Language"))
		expand.Store(r.URL.Query().Get("expand"))
		auth.Store(r.Header.Get("Authorization"))
		path.Store(r.URL.Path)
		fmt.Fprint(w, tariffJSON(12, nil))
	}))
	defer srv.Close()
	c := newTestClient(t, srv, "ru")

	for _, tt := range []struct{ asked, sent string }{{"", "ru"}, {"en", "en"}} {
		if _, _, err := c.Tariff(context.Background(), 12, tt.asked); err != nil {
			t.Fatal(err)
		}
		if lang.Load() != tt.sent {
			t.Errorf("asking for language %q sent Accept-Language %q, want %q", tt.asked, lang.Load(), tt.sent)
		}
	}
	if expand.Load() != "panel" || auth.Load() != "Bearer "+clienttest.Key || path.Load() != "/streamskill/tarifs/12" {
		t.Errorf("sent expand=%q, Authorization %q to %q; want expand=panel, the bearer key, /streamskill/tarifs/12",
			expand.Load(), auth.Load(), path.Load())
	}
	if c.Language() != "ru" {
		t.Errorf("Language() = %q, want the configured ru", c.Language())
	}
}

func TestStreamskillLanguageDefaultsToEnglish(t *testing.T) {
	t.Parallel()
	c, err := New(httpapi.Config{BaseURL: DefaultBaseURL}, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Language() != "en" {
		t.Errorf("Language() = %q, want en", c.Language())
	}
}

func TestStreamskillTariffIsReadOncePerIDAndLanguage(t *testing.T) {
	t.Parallel()
	var calls atomic.Int32
	arrived, release := make(chan struct{}, 10), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		arrived <- struct{}{}
		<-release
		fmt.Fprint(w, tariffJSON(1, nil))
	}))
	defer srv.Close()
	c := newTestClient(t, srv, "en")

	// The one response is held until every reader has started and the
	// request is in flight, so readers come while the read is under way.
	// (The memo's own tests prove that they join it, with a hook.)
	errs := make(chan error, 10)
	var started sync.WaitGroup
	for i := range 10 {
		lang := []string{"", "en"}[i%2] // the default is the same query as "en"
		started.Add(1)
		go func() {
			started.Done()
			_, _, err := c.Tariff(context.Background(), 1, lang)
			errs <- err
		}()
	}
	started.Wait()
	<-arrived
	close(release)
	for range 10 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if calls.Load() != 1 {
		t.Errorf("10 readers of tariff 1 in en made %d requests, want 1", calls.Load())
	}
	if _, _, err := c.Tariff(context.Background(), 1, "ru"); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 2 {
		t.Errorf("reading tariff 1 in ru too made %d requests in all, want 2", calls.Load())
	}
}
