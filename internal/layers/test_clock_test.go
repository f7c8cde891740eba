package layers

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestNoTestRacesTheClock keeps the wall clock out of tests: a sleep "to
// let requests overlap" or a bound on elapsed time passes or fails with the
// machine's load, not with the code. Tests use an injected clock,
// barriers and channels, and request counts instead. Benchmarks measure
// time on purpose, so a Benchmark function's body is exempt.
func TestNoTestRacesTheClock(t *testing.T) {
	walkGoFiles(t, func(rel, path string, test bool) {
		if !test {
			return
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, hit := range clockReads(fset, f) {
			t.Errorf("%s:%s races the clock in a test; use an injected clock, a barrier or channel, or a request count", rel, hit)
		}
	})
}

func TestClockReadsFindsCallsNotCommentsStringsOrBenchmarks(t *testing.T) {
	t.Parallel()
	const src = `package x

import clk "time"

// time.Sleep in a comment, and clk.Sleep too.
var s = "clk.Since(start)"

func TestA(t *testing.T) {
	clk.Sleep(clk.Millisecond)
	_ = clk.Since(clk.Time{})
	_ = clk.Now().Sub(clk.Time{})
	_ = clk.Now().Add(clk.Second)
}

func BenchmarkB(b *testing.B) { _ = clk.Since(clk.Now()) }

func (r recv) BenchmarkC() { clk.Sleep(1) }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x_test.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(clockReads(fset, f), "; ")
	want := "9: time.Sleep; 10: time.Since; 11: time.Now().Sub; 17: time.Sleep"
	if got != want {
		t.Errorf("clockReads found %q, want %q", got, want)
	}
}

// clockReads lists, as "line: what", the forbidden reads of the clock in
// f outside Benchmark functions.
func clockReads(fset *token.FileSet, f *ast.File) []string {
	timePkg := timeImportName(f)
	if timePkg == "" {
		return nil
	}
	var hits []string
	for _, decl := range f.Decls {
		if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Benchmark") {
			continue
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			if what := clockRead(n, timePkg); what != "" {
				hits = append(hits, fmt.Sprintf("%d: %s", fset.Position(n.Pos()).Line, what))
			}
			return true
		})
	}
	return hits
}

// timeImportName is the name the file gives the time package, or "" when
// it does not import it (or imports it as _ or .).
func timeImportName(f *ast.File) string {
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != "time" {
			continue
		}
		if spec.Name == nil {
			return "time"
		}
		if spec.Name.Name == "_" || spec.Name.Name == "." {
			return ""
		}
		return spec.Name.Name
	}
	return ""
}

// clockRead names the forbidden expression n is (time.Sleep, time.Since,
// time.Now().Sub), or returns "".
func clockRead(n ast.Node, timePkg string) string {
	sel, ok := n.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if isPkg(sel.X, timePkg) && (sel.Sel.Name == "Sleep" || sel.Sel.Name == "Since") {
		return "time." + sel.Sel.Name
	}
	if call, ok := sel.X.(*ast.CallExpr); ok && sel.Sel.Name == "Sub" {
		if now, ok := call.Fun.(*ast.SelectorExpr); ok && isPkg(now.X, timePkg) && now.Sel.Name == "Now" {
			return "time.Now().Sub"
		}
	}
	return ""
}

func isPkg(x ast.Expr, name string) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == name && id.Obj == nil
}
