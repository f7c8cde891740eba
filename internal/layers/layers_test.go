// Package layers holds the architecture's rules as tests: which package may
// import which (DESIGN.md draws the same picture), and how long a file may
// grow.
package layers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/pricingkit/terraform-provider-pricing"

// allowed lists, for each package of the module, the module's packages its
// non-test files may import. Arrows point one way: provider → the registry
// (internal/vendors) → each vendor's package → datasources and clients →
// the shared HTTP layer and the money model, which imports nothing of ours.
// A key may be a path.Match pattern, so that a new vendor's package is
// placed by the pattern, not by an edit here; ownVendor allows the
// packages of the importer's own vendor folder and no other vendor's. A
// package missing here fails the test, so a new package is placed in the
// picture on purpose.
var allowed = map[string][]string{
	".":                          {"internal/provider"},
	"internal/provider":          {"internal/datasources", "internal/functions", "internal/clients", "internal/clients/httpapi", "internal/provider/listread", "internal/vendors"},
	"internal/provider/listread": {},
	"internal/provider/listread/listreadtest": {"internal/provider/listread"},
	"internal/vendors":                        {"internal/clients", "internal/vendors/*"},
	"internal/vendors/*":                      {"internal/clients", "internal/clients/httpapi", "internal/datasources", "internal/money", ownVendor},
	"internal/vendors/*/*":                    {"internal/clients", "internal/clients/httpapi", "internal/datasources", "internal/money", ownVendor},
	"internal/vendors/*/*sandbox":             {"internal/sandbox", "internal/sandbox/hostile", ownVendor},
	"internal/vendors/sandboxes":              {"internal/sandbox", "internal/sandbox/hostile", "internal/vendors/*/*sandbox"},
	"internal/datasources":                    {"internal/clients", "internal/clients/httpapi", "internal/money"},
	"internal/functions":                      {},
	"internal/clients":                        {"internal/clients/httpapi", "internal/money"},
	"internal/clients/clienttest":             {"internal/clients/httpapi", "internal/money", "internal/sandbox", "internal/testsync"},
	"internal/money":                          {},
	"internal/clients/httpapi":                {"internal/clients/httpapi/snapshot", "internal/clients/httpapi/fleet"},
	"internal/clients/httpapi/fleet":          {"internal/clients/httpapi/ownfolder"},
	"internal/clients/httpapi/snapshot":       {"internal/clients/httpapi/ownfolder"},
	"internal/clients/httpapi/ownfolder":      {},
	"internal/sandbox":                        {},
	"internal/sandbox/hostile":                {},
	"internal/acctest":                        {"internal/provider", "internal/clients", "internal/clients/httpapi", "internal/sandbox", "internal/vendors", "internal/vendors/sandboxes"},
	"cmd/pricing-sandbox":                     {"internal/sandbox", "internal/vendors/sandboxes"},
	"bench/compare":                           {"internal/sandbox", "internal/acctest/s3server", "internal/vendors/sandboxes", "internal/vendors/*/*sandbox"},
	"bench/rsswrap":                           {},
	"internal/layers":                         {},
	"scripts/testsummary":                     {},
	"internal/testsync":                       {},
}

// ownVendor, in an allowed list, is any package of the importer's own
// vendor folder (internal/vendors/<name>/…).
const ownVendor = "<own vendor>"

// allowedFor is pkg's allowed list: its own entry, else that of the
// longest pattern that matches it (internal/vendors/*/*sandbox before
// internal/vendors/*/*).
func allowedFor(pkg string) ([]string, bool) {
	if allow, ok := allowed[pkg]; ok {
		return allow, true
	}
	best := ""
	for pattern := range allowed {
		if ok, _ := path.Match(pattern, pkg); ok && strings.Contains(pattern, "*") && len(pattern) > len(best) {
			best = pattern
		}
	}
	allow, ok := allowed[best]
	return allow, ok
}

// mayImport reports whether an allowed list lets pkg import imp.
func mayImport(allow []string, pkg, imp string) bool {
	for _, a := range allow {
		if a == ownVendor && vendorFolder(pkg) != "" && vendorFolder(pkg) == vendorFolder(imp) {
			return true
		}
		if ok, _ := path.Match(a, imp); ok {
			return true
		}
	}
	return false
}

// vendorFolder is internal/vendors/<name> for a package inside it, else "".
func vendorFolder(pkg string) string {
	parts := strings.Split(pkg, "/")
	if len(parts) < 3 || parts[0] != "internal" || parts[1] != "vendors" {
		return ""
	}
	return strings.Join(parts[:3], "/")
}

// maxLines is the longest a non-test Go file may be.
const maxLines = 350

func TestImportsPointOneWay(t *testing.T) {
	for pkg, imports := range moduleImports(t) {
		allow, known := allowedFor(pkg)
		if !known {
			t.Errorf("package %s is not in the layers table: add it to allowed with what it may import", pkg)
			continue
		}
		for _, imp := range imports {
			if !mayImport(allow, pkg, imp) {
				t.Errorf("%s imports %s, which its layer may not import", pkg, imp)
			}
		}
	}
}

func TestNoSourceFileIsLongerThanMaxLines(t *testing.T) {
	walkGoFiles(t, func(rel, path string, test bool) {
		if test {
			return
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), "\n"); n > maxLines {
			t.Errorf("%s has %d lines, more than %d: split it by concern", rel, n, maxLines)
		}
	})
}

// moduleImports maps each package directory (relative to the module root)
// to the module packages its non-test files import.
func moduleImports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	walkGoFiles(t, func(rel, path string, test bool) {
		if test {
			return
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		pkg := filepath.ToSlash(filepath.Dir(rel))
		if _, seen := out[pkg]; !seen {
			out[pkg] = nil
		}
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			if rel, ok := strings.CutPrefix(imp, module+"/"); ok && !slices.Contains(out[pkg], rel) {
				out[pkg] = append(out[pkg], rel)
			}
		}
	})
	return out
}

// walkGoFiles calls fn for every Go file of the module (paths relative to
// the module root), skipping other modules (tools/), testdata and caches.
func walkGoFiles(t *testing.T, fn func(rel, path string, test bool)) {
	t.Helper()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			name := d.Name()
			if rel != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "tools" || name == "bin" || name == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			fn(filepath.ToSlash(rel), path, strings.HasSuffix(path, "_test.go"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
