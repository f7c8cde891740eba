package layers

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// namedOnPurpose are the files outside internal/vendors that name a vendor,
// each with its reason. Together with the registry list they stay within
// the bound of two files per vendor name.
var namedOnPurpose = map[string]string{
	"internal/datasources/catalog.go": "pricing_catalog's streamskill_tariff_ids: the attribute's name is the users' contract, and a struct tag cannot come from the registry",
	"bench/compare/scenarios.go":      "the benchmark's scenarios: each times one vendor's API, through the provider and through data \"http\", and says which",
}

// maxFilesNamingAVendor bounds the files outside internal/vendors that may
// name one vendor, namedOnPurpose included.
const maxFilesNamingAVendor = 2

// TestVendorNamesStayInTheirPackages keeps a vendor inside its package: no
// non-test Go file outside internal/vendors names a registered vendor, in
// code, comments or strings, case-insensitively, and no vendor's package
// names another vendor. Only the registry list (internal/vendors/*.go)
// names them all.
func TestVendorNamesStayInTheirPackages(t *testing.T) {
	var names []string
	for _, v := range vendors.All {
		names = append(names, v.Name)
	}
	outside := map[string]int{}
	walkGoFiles(t, func(rel, file string, test bool) {
		if test || registryList(rel, names) {
			return
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ToLower(string(b))
		own := ownVendorName(rel)
		for _, name := range names {
			if name == own || !strings.Contains(text, name) {
				continue
			}
			if own == "" {
				outside[name]++
			}
			if _, known := namedOnPurpose[rel]; known && own == "" {
				continue
			}
			if own != "" {
				t.Errorf("%s names %s: a vendor's package knows no other vendor", rel, name)
				continue
			}
			t.Errorf("%s names %s: a vendor's code, words included, lives in internal/vendors/%s", rel, name, name)
		}
	})
	for name, n := range outside {
		if n > maxFilesNamingAVendor {
			t.Errorf("%d files outside internal/vendors name %s, more than %d", n, name, maxFilesNamingAVendor)
		}
	}
	for rel := range namedOnPurpose {
		if _, err := os.Stat("../../" + rel); err != nil {
			t.Errorf("namedOnPurpose lists %s, which is gone: remove it", rel)
		}
	}
}

// ownVendorName is the vendor whose folder holds rel, else "".
func ownVendorName(rel string) string {
	parts := strings.Split(rel, "/")
	if len(parts) < 4 || parts[0] != "internal" || parts[1] != "vendors" {
		return ""
	}
	return parts[2]
}

// registryList reports whether rel is one of the lists that name every
// vendor: a file of internal/vendors itself, or of one of its folders that
// is no vendor's (internal/vendors/sandboxes, the emulators' list).
func registryList(rel string, names []string) bool {
	dir := path.Dir(rel)
	return dir == "internal/vendors" || (path.Dir(dir) == "internal/vendors" && !slices.Contains(names, path.Base(dir)))
}

func TestMayImportKeepsVendorsApart(t *testing.T) {
	tests := []struct {
		name, pkg, imp string
		want           bool
	}{
		{"a vendor imports its own subpackage", "internal/vendors/acme", "internal/vendors/acme/quote", true},
		{"a vendor's subpackage imports its sibling", "internal/vendors/acme/tfquote", "internal/vendors/acme/quote", true},
		{"a vendor imports another vendor", "internal/vendors/acme", "internal/vendors/globex", false},
		{"a vendor imports another vendor's subpackage", "internal/vendors/acme", "internal/vendors/globex/quote", false},
		{"a vendor imports the shared data sources", "internal/vendors/acme", "internal/datasources", true},
		{"a vendor imports the provider", "internal/vendors/acme", "internal/provider", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			allow, ok := allowedFor(tt.pkg)
			if !ok {
				t.Fatalf("%s has no layer", tt.pkg)
			}
			if got := mayImport(allow, tt.pkg, tt.imp); got != tt.want {
				t.Errorf("mayImport(%s → %s) = %v, want %v", tt.pkg, tt.imp, got, tt.want)
			}
		})
	}
	if !slices.Contains(allowed["internal/vendors"], "internal/vendors/*") {
		t.Error("the registry list may import every vendor package")
	}
}
