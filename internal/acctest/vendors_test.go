package acctest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// recorder keeps what RequireEveryVendor reports instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestRequireEveryVendorNamesEachVendorATableLacks(t *testing.T) {
	names := VendorNames()
	if len(names) == 0 {
		t.Fatal("no registered vendors")
	}
	full := map[string]int{}
	for _, n := range names {
		full[n] = 1
	}
	r := &recorder{TB: t}
	RequireEveryVendor(r, "full", full)
	if len(r.errors) != 0 {
		t.Errorf("a table with every vendor fails %d times", len(r.errors))
	}
	last := names[len(names)-1]
	delete(full, last)
	if got := MissingVendors(func(v string) bool { _, ok := full[v]; return ok }); !slices.Equal(got, []string{last}) {
		t.Errorf("missing vendors of a table without %s: %q", last, got)
	}
	RequireEveryVendor(r, "short", full)
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "short has no entry for the registered vendor "+last) {
		t.Errorf("a table without %s reports %q, want one error naming it", last, r.errors)
	}
}
