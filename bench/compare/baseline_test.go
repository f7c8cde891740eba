package main

import (
	"testing"
	"time"
)

func TestRatiosAreTakenAgainstTheFasterHTTPSide(t *testing.T) {
	runs := func(ds ...time.Duration) []runResult {
		var out []runResult
		for _, d := range ds {
			out = append(out, runResult{Wall: d})
		}
		return out
	}
	sc := scenarioResult{Sides: []sideResult{
		{side: side{Name: "pricing", Provider: true}, Runs: runs(3, 3, 3)},
		{side: side{Name: httpCount, Baseline: true}, Runs: runs(5, 6, 7)},
		{side: side{Name: httpPages, Baseline: true}, Runs: runs(4, 4, 9)},
	}}
	if got := sc.baseline(); got == nil || got.Name != httpPages {
		t.Fatalf("baseline = %v, want the faster http side, %s", got, httpPages)
	}
	sc.Sides[1].Runs = runs(1, 2, 3)
	if got := sc.baseline(); got.Name != httpCount {
		t.Fatalf("baseline = %s, want %s once it is the faster", got.Name, httpCount)
	}
}
