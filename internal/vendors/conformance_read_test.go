package vendors_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// open builds v's client as the provider does, pointed at srv under the
// vendor's prefix, with the unit tests' key, fast retries and no pacing.
func open(t *testing.T, v *clients.Vendor, srv *httptest.Server, mutate ...func(*httpapi.Config)) clients.Client {
	t.Helper()
	c, err := v.Open(v, clienttest.Config(srv, v.Name, append([]func(*httpapi.Config){clienttest.NoPacing}, mutate...)...), nil)
	if err != nil {
		t.Fatalf("%s: open: %v", v.Title, err)
	}
	return c
}

// read reads v's catalogue from srv: its whole list, or item 1 of a vendor
// read by ids.
func read(t *testing.T, v *clients.Vendor, srv *httptest.Server, mutate ...func(*httpapi.Config)) error {
	t.Helper()
	if v.Catalog == nil {
		t.Fatalf("%s has no catalogue source, so the conformance checks cannot read it", v.Title)
	}
	var ids []int64
	if v.Catalog.ByIDs {
		ids = []int64{1}
	}
	_, _, err := v.Catalog.Read(context.Background(), open(t, v, srv, mutate...), ids)
	return err
}
