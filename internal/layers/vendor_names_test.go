package layers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// declaredHere are the files and folders where a vendor's name may be
// written out: the registry, and the sandbox, which emulates each vendor.
var declaredHere = []string{"internal/clients/vendors.go", "internal/sandbox/"}

// TestVendorNamesAreDeclaredOnlyInTheRegistry keeps vendor names out of
// the code as string literals, so nothing dispatches on a name and a vendor
// is added by its registry entry.
func TestVendorNamesAreDeclaredOnlyInTheRegistry(t *testing.T) {
	names := map[string]bool{}
	for _, v := range vendors.All {
		names[v.Name] = true
	}
	walkGoFiles(t, func(rel, path string, test bool) {
		if test || declared(rel) {
			return
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			if s, err := strconv.Unquote(lit.Value); err == nil && names[s] {
				t.Errorf("%s:%d: the vendor name %q is written out; use its registry entry (vendors.All)", rel, fset.Position(lit.Pos()).Line, s)
			}
			return true
		})
	})
}

func declared(rel string) bool {
	for _, d := range declaredHere {
		if rel == d || (strings.HasSuffix(d, "/") && strings.HasPrefix(rel, d)) {
			return true
		}
	}
	return false
}
