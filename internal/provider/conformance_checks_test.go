package provider_test

import (
	"strings"
	"testing"
	"testing/fstest"
)

// acmeParts are the parts of a complete fake vendor, acme, with two data
// sources.
func acmeParts() vendorParts {
	return vendorParts{
		sandbox:        []string{"acme"},
		hostile:        []string{"acme"},
		dialects:       []string{"acme"},
		providerBlocks: []string{"acme"},
		dataSources:    []string{"pricing_acme_plan", "pricing_acme_plans", "pricing_acmeother_plan"},
		catalogue:      []string{"acme"},
		repo:           acmeFilesWithout(""),
	}
}

// acmeFilesWithout is acme's examples and docs but for the file at path.
func acmeFilesWithout(path string) fstest.MapFS {
	file := &fstest.MapFile{Data: []byte("# acme\n")}
	files := fstest.MapFS{
		"examples/data-sources/pricing_acme_plan/data-source.tf":  file,
		"examples/data-sources/pricing_acme_plans/data-source.tf": file,
		"docs/data-sources/acme_plan.md":                          file,
		"docs/data-sources/acme_plans.md":                         file,
	}
	delete(files, path)
	return files
}

// TestConformanceNamesTheVendorAndThePartItMisses checks the checks: a
// fake vendor with every part passes, and with one part removed fails
// naming acme and that part.
func TestConformanceNamesTheVendorAndThePartItMisses(t *testing.T) {
	tests := []struct {
		name   string
		remove func(p *vendorParts)
		want   string // "" when complete
	}{
		{"a vendor with every part passes", func(*vendorParts) {}, ""},
		{"a vendor the sandbox does not serve fails", func(p *vendorParts) { p.sandbox = nil }, "the sandbox does not serve it"},
		{"a vendor hostile.Vendors() does not list fails", func(p *vendorParts) { p.hostile = nil }, "hostile.Vendors() does not list it"},
		{"a vendor without a hostile dialect fails", func(p *vendorParts) { p.dialects = nil }, "the hostile server has no dialect"},
		{"a vendor without a provider block fails", func(p *vendorParts) { p.providerBlocks = nil }, "the provider schema has no acme block"},
		{"a vendor without a catalogue source fails", func(p *vendorParts) { p.catalogue = nil }, "pricing_catalog has no source"},
		{"a vendor without data sources fails", func(p *vendorParts) { p.dataSources = []string{"pricing_acmeother_plan"} },
			"no pricing_acme_* data source"},
		{"a data source without an example fails", func(p *vendorParts) {
			p.repo = acmeFilesWithout("examples/data-sources/pricing_acme_plans/data-source.tf")
		}, "pricing_acme_plans has no examples/data-sources/pricing_acme_plans/data-source.tf"},
		{"a data source without docs fails", func(p *vendorParts) {
			p.repo = acmeFilesWithout("docs/data-sources/acme_plan.md")
		}, "pricing_acme_plan has no docs/data-sources/acme_plan.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := acmeParts()
			tt.remove(&p)
			problems := conformanceProblems("acme", p)
			if tt.want == "" {
				if len(problems) > 0 {
					t.Fatalf("a complete vendor fails: %q", problems)
				}
				return
			}
			if len(problems) != 1 || !strings.HasPrefix(problems[0], "acme: ") || !strings.Contains(problems[0], tt.want) {
				t.Fatalf("want one problem naming acme and %q; got %q", tt.want, problems)
			}
		})
	}
}
