// Package layers holds the architecture's rules as tests: which package may
// import which (DESIGN.md draws the same picture), and how long a file may
// grow.
package layers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/pricingkit/terraform-provider-pricing"

// allowed lists, for each package of the module, the module's packages its
// non-test files may import. Arrows point one way: provider →
// datasources/functions → clients and streamskillquote; clients and
// datasources → the money model, which imports nothing of ours; inside
// clients, vendor files → the shared HTTP layer. A package missing here fails the test, so a new
// package is placed in the picture on purpose.
var allowed = map[string][]string{
	".":                                  {"internal/provider"},
	"internal/provider":                  {"internal/datasources", "internal/functions", "internal/clients", "internal/clients/httpapi", "internal/provider/listread"},
	"internal/provider/listread":         {},
	"internal/datasources":               {"internal/clients", "internal/clients/httpapi", "internal/streamskillquote", "internal/streamskillquote/tfquote", "internal/money"},
	"internal/functions":                 {"internal/streamskillquote", "internal/streamskillquote/tfquote"},
	"internal/streamskillquote/tfquote":  {"internal/streamskillquote"},
	"internal/streamskillquote":          {},
	"internal/clients":                   {"internal/clients/httpapi", "internal/money"},
	"internal/money":                     {},
	"internal/clients/httpapi":           {"internal/clients/httpapi/snapshot", "internal/clients/httpapi/fleet"},
	"internal/clients/httpapi/fleet":     {"internal/clients/httpapi/ownfolder"},
	"internal/clients/httpapi/snapshot":  {"internal/clients/httpapi/ownfolder"},
	"internal/clients/httpapi/ownfolder": {},
	"internal/sandbox":                   {},
	"internal/sandbox/hostile":           {},
	"internal/acctest":                   {"internal/provider", "internal/clients", "internal/clients/httpapi", "internal/sandbox"},
	"cmd/pricing-sandbox":                {"internal/sandbox"},
	"bench/compare":                      {"internal/sandbox", "internal/acctest/s3server"},
	"bench/rsswrap":                      {},
	"internal/layers":                    {},
	"scripts/testsummary":                {},
	"internal/testsync":                  {},
}

// maxLines is the longest a non-test Go file may be.
const maxLines = 350

func TestImportsPointOneWay(t *testing.T) {
	for pkg, imports := range moduleImports(t) {
		allow, known := allowed[pkg]
		if !known {
			t.Errorf("package %s is not in the layers table: add it to allowed with what it may import", pkg)
			continue
		}
		for _, imp := range imports {
			if !slices.Contains(allow, imp) {
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
