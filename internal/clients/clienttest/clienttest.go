// Package clienttest holds what the vendor clients' unit tests share: a
// client configuration pointed at a test server.
package clienttest

import (
	"net/http/httptest"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Key is the API key the unit tests configure.
const Key = "s3cr3t-test-key"

// NoPacing turns the vendor's pacing off: pacing is tested on its own.
func NoPacing(c *httpapi.Config) { c.NoPacing = true }

// Config points a client at srv under the vendor's prefix, with Key and
// retries fast enough for unit tests.
func Config(srv *httptest.Server, vendor string, mutate ...func(*httpapi.Config)) httpapi.Config {
	cfg := httpapi.Config{
		BaseURL:      srv.URL + "/" + vendor,
		APIKey:       Key,
		MaxRetries:   3,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 5 * time.Second,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	return cfg
}

// Deref is *s, or "<nil>", for messages.
func Deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// MoneyText is a Money as text, for comparing with a table: amount,
// period, monthly amount ("-" when nil), the unknown period and price on
// request.
type MoneyText struct {
	Amount, Period, Monthly, Unknown string
	OnRequest                        bool
}

// TextOf is m as a MoneyText.
func TextOf(m money.Money) MoneyText {
	t := MoneyText{Amount: "-", Period: "-", Monthly: "-", Unknown: m.UnknownPeriod, OnRequest: m.OnRequest}
	if m.Amount != nil {
		t.Amount = m.Amount.String()
	}
	if m.Period != nil {
		t.Period = m.Period.String()
	}
	if mo := m.Monthly(); mo != nil {
		t.Monthly = mo.String()
	}
	return t
}
