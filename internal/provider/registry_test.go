package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// acmeClient is a sixth vendor's client; it records how it was opened.
type acmeClient struct {
	cfg    httpapi.Config
	region string
}

func (c *acmeClient) HasAPIKey() bool { return c.cfg.APIKey != "" }

// TestASixthVendorNeedsOnlyItsRegistryEntry holds CONTRIBUTING.md's promise:
// a registry entry alone gives a vendor its provider block, its settings,
// its environment fallbacks and its client.
func TestASixthVendorNeedsOnlyItsRegistryEntry(t *testing.T) {
	var opened *acmeClient
	acme := &clients.Vendor{
		Name: "acme", Title: "Acme", DefaultBaseURL: "https://api.acme.example",
		KeyEnv: []string{"ACME_API_KEY"}, BaseURLEnv: []string{"ACME_BASE_URL"},
		Auth: clients.Auth{Header: "X-Acme-Key"}, Pacing: clients.Pacing{WithKey: []clients.Limit{{PerSecond: 10, Burst: 10}}, Summary: "10 requests/s"},
		Settings: []clients.Setting{{Name: "region", Description: "Acme region.", OneOf: []string{"eu", "us"}}},
		Open: func(_ *clients.Vendor, cfg httpapi.Config, s map[string]string) (clients.Client, error) {
			opened = &acmeClient{cfg: cfg, region: s["region"]}
			return opened, nil
		},
	}
	t.Setenv("ACME_API_KEY", "acme-key-from-env")
	vendors := append(append([]*clients.Vendor(nil), vendors.All...), acme)
	newServer := providerserver.NewProtocol6WithError(newPricingProvider("test", vendors)())

	s, err := newServer()
	mustNot(t, err)
	schema, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	mustNot(t, err)
	block := providerAttribute(t, schema.Provider, "acme")
	for _, name := range []string{"api_key", "base_url", "region"} {
		if !hasNestedAttribute(block, name) {
			t.Errorf("the acme block has no %s attribute", name)
		}
	}
	if !strings.Contains(block.Description, "10 requests/s") {
		t.Errorf("the acme block's description does not say its rate limits: %q", block.Description)
	}

	configuredServer(t, newServer, map[string]any{"acme": map[string]any{"region": "eu"}})
	switch {
	case opened == nil:
		t.Fatal("the acme client was never opened")
	case opened.cfg.APIKey != "acme-key-from-env":
		t.Errorf("the acme key did not fall back to ACME_API_KEY: got %q", opened.cfg.APIKey)
	case opened.cfg.BaseURL != "https://api.acme.example":
		t.Errorf("the acme base URL is %q, not its documented default", opened.cfg.BaseURL)
	case opened.region != "eu":
		t.Errorf("the acme region setting reached the client as %q", opened.region)
	}
}

func providerAttribute(t *testing.T, s *tfprotov6.Schema, name string) *tfprotov6.SchemaAttribute {
	t.Helper()
	for _, a := range s.Block.Attributes {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("the provider schema has no %s attribute", name)
	return nil
}

func hasNestedAttribute(a *tfprotov6.SchemaAttribute, name string) bool {
	if a.NestedType == nil {
		return false
	}
	for _, n := range a.NestedType.Attributes {
		if n.Name == name {
			return true
		}
	}
	return false
}
