package provider_test

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/pricingkit/terraform-provider-pricing/internal/provider"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// vendorParts are the places outside the registry a vendor must reach:
// each is read from its own package, so a vendor that skips one is named.
type vendorParts struct {
	sandbox        []string // sandbox.VendorNames
	hostile        []string // hostile.Vendors()
	dialects       []string // hostile.Dialects
	providerBlocks []string // the provider schema's attributes
	dataSources    []string // the provider schema's data source type names
	catalogue      []string // the vendors that declare a catalogue source
	repo           fs.FS    // the repository root: examples/ and docs/
}

// productionParts asks each part of the production code what it serves.
func productionParts(t *testing.T) vendorParts {
	t.Helper()
	s, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schema, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	p := vendorParts{
		sandbox:   sandbox.VendorNames(),
		hostile:   hostile.Vendors(),
		dialects:  hostile.Dialects(),
		catalogue: catalogueNames(),
		repo:      os.DirFS("../.."),
	}
	for _, a := range schema.Provider.Block.Attributes {
		p.providerBlocks = append(p.providerBlocks, a.Name)
	}
	for name := range schema.DataSourceSchemas {
		p.dataSources = append(p.dataSources, name)
	}
	sort.Strings(p.dataSources)
	return p
}

// conformanceProblems names every part the vendor is missing, each as
// "<vendor>: <part>".
func conformanceProblems(vendor string, p vendorParts) []string {
	var problems []string
	missing := func(part string) { problems = append(problems, vendor+": "+part) }
	if !slices.Contains(p.sandbox, vendor) {
		missing("the sandbox does not serve it (sandbox.VendorNames; add its emulator to internal/vendors/sandboxes)")
	}
	if !slices.Contains(p.hostile, vendor) {
		missing("hostile.Vendors() does not list it")
	}
	if !slices.Contains(p.dialects, vendor) {
		missing("the hostile server has no dialect for it (add its Dialect to internal/vendors/sandboxes)")
	}
	if !slices.Contains(p.providerBlocks, vendor) {
		missing("the provider schema has no " + vendor + " block")
	}
	if !slices.Contains(p.catalogue, vendor) {
		missing("pricing_catalog has no source for it (its Vendor declares no Catalog)")
	}
	own := ownDataSources(vendor, p.dataSources)
	if len(own) == 0 {
		missing("the provider has no pricing_" + vendor + "_* data source")
	}
	for _, ds := range own {
		if _, err := fs.Stat(p.repo, "examples/data-sources/"+ds+"/data-source.tf"); err != nil {
			missing(ds + " has no examples/data-sources/" + ds + "/data-source.tf")
		}
		doc := "docs/data-sources/" + strings.TrimPrefix(ds, "pricing_") + ".md"
		if _, err := fs.Stat(p.repo, doc); err != nil {
			missing(ds + " has no " + doc + " (make docs)")
		}
	}
	return problems
}

func ownDataSources(vendor string, all []string) []string {
	var own []string
	for _, ds := range all {
		if strings.HasPrefix(ds, "pricing_"+vendor+"_") {
			own = append(own, ds)
		}
	}
	return own
}

// TestConformanceEveryRegisteredVendorReachesEveryPart holds the registry
// (vendors.All) to the sandbox, the hostile server, the provider
// schema, the catalogue, the examples and the docs.
func TestConformanceEveryRegisteredVendorReachesEveryPart(t *testing.T) {
	parts := productionParts(t)
	for _, v := range vendors.All {
		for _, problem := range conformanceProblems(v.Name, parts) {
			t.Error(problem)
		}
	}
}

// TestConformanceEveryPartServesOnlyRegisteredVendors is the other way
// round: a part serving a name the registry lacks is a stale or misspelt
// vendor.
func TestConformanceEveryPartServesOnlyRegisteredVendors(t *testing.T) {
	parts := productionParts(t)
	registered := registeredNames()
	for part, names := range map[string][]string{
		"sandbox.VendorNames": parts.sandbox, "hostile.Vendors()": parts.hostile,
		"hostile.Dialects": parts.dialects, "the catalogue": parts.catalogue,
	} {
		for _, n := range names {
			if !slices.Contains(registered, n) {
				t.Errorf("%s serves %q, which vendors.All does not register", part, n)
			}
		}
	}
}

// catalogueNames are the registered vendors pricing_catalog reads.
func catalogueNames() []string {
	var names []string
	for _, v := range vendors.All {
		if v.Catalog != nil {
			names = append(names, v.Name)
		}
	}
	return names
}

func registeredNames() []string {
	names := make([]string, len(vendors.All))
	for i, v := range vendors.All {
		names[i] = v.Name
	}
	return names
}
