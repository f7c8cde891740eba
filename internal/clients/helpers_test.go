package clients

import (
	"net/http/httptest"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

const testKey = "s3cr3t-test-key"

// noPacing turns the vendor's pacing off: pacing is tested on its own.
func noPacing(c *httpapi.Config) { c.NoPacing = true }

// testConfig points a client at srv under the vendor's prefix, with the
// test key and retries fast enough for unit tests.
func testConfig(srv *httptest.Server, vendor string, mutate ...func(*httpapi.Config)) httpapi.Config {
	cfg := httpapi.Config{
		BaseURL:      srv.URL + "/" + vendor,
		APIKey:       testKey,
		MaxRetries:   3,
		RetryWaitMin: time.Millisecond,
		RetryWaitMax: 5 * time.Second,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	return cfg
}
