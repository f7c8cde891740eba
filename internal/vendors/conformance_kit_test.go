package vendors_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
)

// kit is what a vendor's own tests must run: the checks that need the
// vendor's wire shape (a page to corrupt, its paths, its envelope) live
// beside the vendor, and call these shared checks of clienttest.
var kit = []struct{ what, in, calls string }{
	{"a table of hostile bodies its read refuses", "Test", "RunHostileCases"},
	{"its default max_parallel_requests", "Test", "CheckParallelism"},
	{"a fuzz target over its list or lookup", "Fuzz", "FuzzList|FuzzLookup"},
}

// TestEveryVendorRunsTheConformanceKit fails, naming the vendor, when a
// registered vendor's package has no test calling one of kit's checks.
func TestEveryVendorRunsTheConformanceKit(t *testing.T) {
	t.Parallel()
	for _, v := range vendors.All {
		t.Run(v.Title, func(t *testing.T) {
			t.Parallel()
			dir := packageDir(t, v)
			called := calledChecks(t, dir)
			for _, k := range kit {
				found := false
				for _, name := range strings.Split(k.calls, "|") {
					found = found || called[k.in+" "+name]
				}
				if !found {
					t.Errorf("%s (%s) has no %s function calling clienttest.%s: add %s to its package's tests",
						v.Title, dir, k.in, strings.ReplaceAll(k.calls, "|", " or clienttest."), k.what)
				}
			}
		})
	}
}

// packageDir is the folder, relative to this one, of the package that
// declares v: the folder of the file its Open function is written in.
func packageDir(t *testing.T, v *clients.Vendor) string {
	t.Helper()
	if v.Open == nil {
		t.Fatalf("%s declares no Open", v.Title)
	}
	pc := reflect.ValueOf(v.Open).Pointer()
	file, _ := runtime.FuncForPC(pc).FileLine(pc)
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller information")
	}
	rel, err := filepath.Rel(filepath.Dir(self), filepath.Dir(file))
	if err != nil {
		t.Fatalf("%s is declared in %s: %v", v.Title, file, err)
	}
	return rel
}

// calledChecks are the functions of clienttest that the Test and Fuzz
// functions of dir's test files call, each as "Test <name>" or
// "Fuzz <name>".
func calledChecks(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	called := map[string]bool{}
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Recv != nil {
				continue
			}
			kind := ""
			for _, k := range []string{"Test", "Fuzz"} {
				if strings.HasPrefix(fn.Name.Name, k) {
					kind = k
				}
			}
			if kind == "" {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if name, ok := clienttestCall(n); ok {
					called[kind+" "+name] = true
				}
				return true
			})
		}
	}
	return called
}

// clienttestCall is the name of the clienttest function n calls, if it
// calls one.
func clienttestCall(n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fun := call.Fun
	if ix, ok := fun.(*ast.IndexExpr); ok { // a generic call with its type argument spelled out
		fun = ix.X
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "clienttest" {
		return "", false
	}
	return sel.Sel.Name, true
}
